using FluxCaption.Contracts.Libraries;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Api.Apis;

internal static class LibraryMapping
{
    public static LibraryResponse ToLibraryResponse(
        this LibraryEntity library, int itemCount, int missingCount, IReadOnlyList<MissingLanguageCount>? missingByLanguage = null) => new(
        library.Id,
        library.Source.ToString().ToLowerInvariant(),
        library.Name,
        library.Path,
        library.WriteBack,
        library.Enabled,
        new LibrarySyncStatusResponse(
            library.LastSyncStatus, library.LastSyncStartedAt, library.LastSyncFinishedAt, library.LastSyncError, library.LastSyncItemCount),
        itemCount,
        missingCount,
        library.CreatedAt,
        missingByLanguage ?? []);
}

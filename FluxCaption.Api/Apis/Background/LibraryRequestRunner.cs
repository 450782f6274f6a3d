using System.Globalization;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Core.Libraries.Rules;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Background;

/// <summary>Does what one claimed request asks for; an exception means the attempt failed and is retried.</summary>
internal sealed partial class LibraryRequestRunner(
    FluxCaptionDbContext db,
    ILibrarySyncService sync,
    RuleRunner rules,
    ItemAddedHandler itemAdded,
    ILogger<LibraryRequestRunner> logger)
{
    public async Task RunAsync(LibraryRequest request, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case LibraryRequestKind.Sync or LibraryRequestKind.FullSync:
                var libraryId = Guid.Parse(request.Target, CultureInfo.InvariantCulture);
                // Deleted or disabled since the request was accepted: there is nothing left to sync.
                var enabled = await db.Libraries.Where(library => library.Id == libraryId)
                    .Select(library => (bool?)library.Enabled).SingleOrDefaultAsync(cancellationToken);
                if (enabled != true)
                {
                    LogLibraryGone(logger, request.Id, libraryId);
                    return;
                }

                await sync.SyncAsync(libraryId, request.Kind == LibraryRequestKind.FullSync, cancellationToken);
                return;

            case LibraryRequestKind.RuleRun:
                // A failed run is recorded on the rule (lastRunStatus) by the runner; a deleted rule is NotFound.
                await rules.RunAsync(Guid.Parse(request.Target, CultureInfo.InvariantCulture), cancellationToken);
                return;

            case LibraryRequestKind.JellyfinItemAdded:
                await itemAdded.HandleAsync(MediaSourceKind.Jellyfin, request.Target, cancellationToken);
                return;

            default:
                throw new InvalidOperationException($"Library request {request.Id} has the unknown kind {request.Kind}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library request {RequestId}: library {LibraryId} was deleted or disabled since; nothing to sync")]
    private static partial void LogLibraryGone(ILogger logger, Guid requestId, Guid libraryId);
}

namespace FluxCaption.Core.Libraries.Sync;

/// <summary>Another sync of the same library holds its lock; the Api answers 409 and the caller may try later.</summary>
public sealed class LibrarySyncAlreadyRunningException(Guid libraryId)
    : Exception($"Library {libraryId} is being synced already; try again when that sync has finished.")
{
    public Guid LibraryId { get; } = libraryId;
}

namespace FluxCaption.Core.Libraries;

/// <summary>Brings <c>media_items</c> in line with the sources.</summary>
public interface ILibrarySyncService
{
    /// <summary>Adds or renames Jellyfin libraries found on the server; local roots are configured through settings.</summary>
    Task<IReadOnlyList<LibraryEntity>> RefreshLibrariesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Syncs one library: a full sync marks items the source no longer lists as gone; an incremental
    /// one asks only for items changed since the library's watermark.
    /// </summary>
    Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full, CancellationToken cancellationToken);

    /// <summary>Syncs one item by its source id (webhook ItemAdded); null when the source does not know it.</summary>
    Task<Guid?> SyncItemAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken);
}

public sealed record LibrarySyncSummary(
    Guid LibraryId,
    bool Full,
    int Seen,
    int Added,
    int Updated,
    int Unchanged,
    int Gone,
    TimeSpan Duration);

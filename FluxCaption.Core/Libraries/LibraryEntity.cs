namespace FluxCaption.Core.Libraries;

/// <summary>
/// One library FluxCaption syncs: a Jellyfin library (found on the server) or a configured local root.
/// It carries the sync status the user sees and the watermark of the next incremental sync.
/// </summary>
public sealed class LibraryEntity
{
    public Guid Id { get; set; }

    public MediaSourceKind Source { get; set; }

    /// <summary>Jellyfin library <c>ItemId</c>; for a local root, the root's own id as text.</summary>
    public string ExternalId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The root folder of a local library; Jellyfin's first location, for display.</summary>
    public string? Path { get; set; }

    /// <summary>Local roots are read-only unless this is set; Jellyfin libraries always accept uploads.</summary>
    public bool WriteBack { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Server clock (Jellyfin <c>Date</c> header) at the start of the last complete sync; the next sync asks for items saved since.</summary>
    public DateTimeOffset? SyncWatermark { get; set; }

    public DateTimeOffset? LastSyncStartedAt { get; set; }

    public DateTimeOffset? LastSyncFinishedAt { get; set; }

    /// <summary>running, succeeded or failed; null before the first sync.</summary>
    public string? LastSyncStatus { get; set; }

    public string? LastSyncError { get; set; }

    public int LastSyncItemCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

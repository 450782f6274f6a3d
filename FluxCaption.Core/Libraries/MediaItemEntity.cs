namespace FluxCaption.Core.Libraries;

/// <summary>A video FluxCaption knows of, with its normalised track inventory (table <c>media_items</c>).</summary>
public sealed class MediaItemEntity
{
    public Guid Id { get; set; }

    public Guid LibraryId { get; set; }

    public MediaSourceKind Source { get; set; }

    /// <summary>Jellyfin item id, or the path relative to the local root; unique per source.</summary>
    public string ExternalId { get; set; } = "";

    public string? Path { get; set; }

    public string Title { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? SeriesName { get; set; }

    public int? SeasonNumber { get; set; }

    public int? EpisodeNumber { get; set; }

    public TimeSpan? Runtime { get; set; }

    /// <summary>jsonb inventory of audio and subtitle tracks.</summary>
    public List<MediaTrack> Streams { get; set; } = [];

    /// <summary>See <see cref="DiscoveredMediaItem.ChangeTag"/>: an unchanged tag means nothing to re-evaluate.</summary>
    public string ChangeTag { get; set; } = "";

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set when a full sync no longer finds the item; it is kept with its history, not deleted.</summary>
    public DateTimeOffset? GoneAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>The fields of Jellyfin's BaseItemDto that a sync needs (they come back only when asked for in <c>fields</c>).</summary>
public sealed record JellyfinItem
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Path { get; init; }

    public long? RunTimeTicks { get; init; }

    public string? Container { get; init; }

    public string? SeriesName { get; init; }

    public int? ParentIndexNumber { get; init; }

    public int? IndexNumber { get; init; }

    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>
    /// Moves with every save of the item; only sent when asked for in <c>fields</c>. Items never carry a
    /// <c>DateLastSaved</c> (no such property on Jellyfin's item DTO), so this is what shows a save.
    /// </summary>
    public string? Etag { get; init; }

    public IReadOnlyList<JellyfinMediaSourceInfo>? MediaSources { get; init; }

    public IReadOnlyList<JellyfinMediaStream>? MediaStreams { get; init; }
}

/// <summary>One playable version of an item; for a plain file its id equals the item id.</summary>
public sealed record JellyfinMediaSourceInfo(string Id, string? Path);

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>One page of <c>GET /Items</c>: video items of a library, or the items named in <see cref="Ids"/>.</summary>
public sealed record JellyfinItemQuery
{
    public string? ParentId { get; init; }

    public IReadOnlyList<string>? Ids { get; init; }

    public int StartIndex { get; init; }

    public int? Limit { get; init; }

    /// <summary>Items saved at or after this server time (incremental sync); Jellyfin never echoes it back.</summary>
    public DateTimeOffset? MinDateLastSaved { get; init; }
}

/// <param name="ServerTime">The server's clock when it answered (HTTP <c>Date</c> header), for the next watermark.</param>
public sealed record JellyfinItemsPage(IReadOnlyList<JellyfinItem> Items, DateTimeOffset? ServerTime);

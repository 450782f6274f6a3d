namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>The body of <c>GET /Items</c>.</summary>
public sealed record JellyfinItemsResult
{
    public IReadOnlyList<JellyfinItem> Items { get; init; } = [];

    public int TotalRecordCount { get; init; }

    public int StartIndex { get; init; }
}

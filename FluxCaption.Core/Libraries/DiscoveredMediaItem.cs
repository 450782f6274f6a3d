namespace FluxCaption.Core.Libraries;

/// <summary>
/// A video as a media source reports it during a sync, before it is stored in <c>media_items</c>.
/// </summary>
/// <param name="ExternalId">Stable id within the source: the Jellyfin item id, or the path relative to a local root.</param>
/// <param name="LibraryId">Jellyfin library <c>ItemId</c>, or the local root's id.</param>
/// <param name="Path">Full path of the media file when known.</param>
/// <param name="Kind">Movie, Episode, Video, MusicVideo (Jellyfin <c>Type</c>; local files are Video).</param>
/// <param name="ChangeTag">Changes whenever the item or its tracks change (size + mtime, or Jellyfin's saved date and stream list), so unchanged items are skipped.</param>
public sealed record DiscoveredMediaItem(
    MediaSourceKind Source,
    string ExternalId,
    string LibraryId,
    string? Path,
    string Title,
    string Kind,
    TimeSpan? Runtime,
    IReadOnlyList<MediaTrack> Tracks,
    string ChangeTag)
{
    /// <summary>Series name, season and episode number for episodes; null otherwise.</summary>
    public string? SeriesName { get; init; }

    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }
}

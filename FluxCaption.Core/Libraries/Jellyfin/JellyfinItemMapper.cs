using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>BaseItemDto to the source-neutral inventory the sync stores.</summary>
internal static class JellyfinItemMapper
{
    public static DiscoveredMediaItem ToDiscovered(JellyfinItem item, string libraryId)
    {
        var tracks = (item.MediaStreams ?? [])
            .Where(stream => KindOf(stream) is not null)
            .Select(ToTrack)
            .ToList();
        return new DiscoveredMediaItem(
            MediaSourceKind.Jellyfin,
            item.Id,
            libraryId,
            item.Path,
            item.Name ?? item.Id,
            item.Type ?? "Video",
            item.RunTimeTicks is { } ticks and > 0 ? TimeSpan.FromTicks(ticks) : null,
            tracks,
            ChangeTag(item))
        {
            SeriesName = item.SeriesName,
            SeasonNumber = item.Type == "Episode" ? item.ParentIndexNumber : null,
            EpisodeNumber = item.Type == "Episode" ? item.IndexNumber : null,
        };
    }

    public static MediaTrack ToTrack(JellyfinMediaStream stream) => new()
    {
        Kind = KindOf(stream) ?? MediaTrackKind.Subtitle,
        Index = stream.Index,
        Language = TrackLanguage.Resolve(stream.Language, stream.Title),
        RawLanguage = stream.Language,
        Codec = stream.Codec?.ToLowerInvariant(),
        Title = stream.Title,
        IsExternal = stream.IsExternal,
        Path = stream.Path,
        IsForced = stream.IsForced,
        IsHearingImpaired = stream.IsHearingImpaired,
        IsDefault = stream.IsDefault,
        IsText = KindOf(stream) == MediaTrackKind.Subtitle && stream.IsTextSubtitleStream,
    };

    public static MediaTrackKind? KindOf(JellyfinMediaStream stream) => stream.Type switch
    {
        "Audio" => MediaTrackKind.Audio,
        "Subtitle" => MediaTrackKind.Subtitle,
        _ => null,
    };

    public static string MediaSourceId(JellyfinItem item) =>
        item.MediaSources?.FirstOrDefault(source => source.Path is null || source.Path == item.Path)?.Id
        ?? item.MediaSources?.FirstOrDefault()?.Id
        ?? item.Id;

    // The Etag moves on every save Jellyfin makes (our uploads included); the stream list is hashed too,
    // and is what the tag rests on when a server sends no Etag: subtitles appear and vanish as streams.
    private static string ChangeTag(JellyfinItem item)
    {
        var text = new StringBuilder()
            .Append(item.Etag).Append('|')
            .Append(item.Path).Append('|')
            .Append(item.RunTimeTicks?.ToString(CultureInfo.InvariantCulture));
        foreach (var stream in item.MediaStreams ?? [])
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{stream.Index}:{stream.Type}:{stream.Codec}:{stream.Language}:{stream.Title}:")
                .Append(CultureInfo.InvariantCulture, $"{stream.IsExternal}:{stream.Path}:{stream.IsForced}:{stream.IsHearingImpaired}:{stream.IsDefault}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}

using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries.Sync;

/// <summary>Discovered items for tests: a movie with an English audio track and the given subtitles.</summary>
internal static class SampleItems
{
    public static MediaTrack EnglishAudio { get; } = new() { Kind = MediaTrackKind.Audio, Index = 1, Language = "en", Codec = "aac", IsDefault = true };

    public static MediaTrack TextSubtitle(string language, bool external = false, string? path = null) => new()
    {
        Kind = MediaTrackKind.Subtitle, Language = language, Codec = external ? "subrip" : "subrip", IsText = true,
        IsExternal = external, Path = path,
    };

    public static MediaTrack BitmapSubtitle(string language) => new()
    {
        Kind = MediaTrackKind.Subtitle, Language = language, Codec = "hdmv_pgs_subtitle", IsText = false,
    };

    public static DiscoveredMediaItem Movie(string externalId, string libraryExternalId, params MediaTrack[] subtitles) => new(
        MediaSourceKind.Jellyfin,
        externalId,
        libraryExternalId,
        $"/media/{libraryExternalId}/{externalId}.mkv",
        $"Movie {externalId}",
        "Movie",
        TimeSpan.FromMinutes(90),
        [EnglishAudio, .. subtitles],
        "v1");
}

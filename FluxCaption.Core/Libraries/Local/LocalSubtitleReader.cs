using FluxCaption.Core.Media;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// A local item's subtitle text: a sidecar is read and decoded; an embedded track is found again on a
/// fresh probe by identity (codec, language, title, flags; the stored index only breaks ties) and extracted.
/// </summary>
internal sealed class LocalSubtitleReader(IMediaProbe probe, ISubtitleExtractor extractor)
{
    // Subtitle files are kilobytes; anything this large is a mislabelled file, not a subtitle.
    private const long MaxSidecarBytes = 50L * 1024 * 1024;

    public async Task<FetchedSubtitle> FetchAsync(
        LocalRoot root, Func<LocalRoot, string, LocalVideo?> findVideo, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken)
    {
        if (track.Kind != MediaTrackKind.Subtitle)
        {
            throw new MediaSourceException("track_not_found", "Only subtitle tracks have text to fetch.");
        }

        if (!track.IsText)
        {
            throw new MediaSourceException(MediaToolException.BitmapTrack,
                $"The {track.Language} subtitle ({track.Codec}) of '{item.Title}' is a picture subtitle: it needs OCR, not extraction.");
        }

        return track.IsExternal
            ? await ReadSidecarAsync(root, item, track, cancellationToken)
            : await ExtractAsync(root, findVideo, item, track, cancellationToken);
    }

    private static async Task<FetchedSubtitle> ReadSidecarAsync(LocalRoot root, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken)
    {
        if (track.Path is null)
        {
            throw new MediaSourceException("track_not_found", $"The external subtitle of '{item.Title}' has no path.");
        }

        var paths = LocalPaths.ResolveFull(root.Lexical, root.Real, track.Path)
            ?? throw new MediaSourceException("track_not_found", $"The subtitle file '{track.Path}' no longer exists.");
        var length = new FileInfo(paths.Real).Length;
        if (length > MaxSidecarBytes)
        {
            throw new MediaSourceException("subtitle_unreadable", $"'{track.Path}' is {length} bytes: too large to be a subtitle file.");
        }

        var bytes = await File.ReadAllBytesAsync(paths.Real, cancellationToken);
        try
        {
            var text = SubtitleTextDecoder.Decode(bytes).Text;
            var format = SubtitleFormatDetector.Detect(text, paths.Lexical)
                ?? throw new MediaSourceException("subtitle_unreadable", $"'{track.Path}' is not a subtitle file FluxCaption can read (SRT, WebVTT, ASS or SSA).");
            return new FetchedSubtitle(text, format);
        }
        catch (SubtitleEncodingException exception)
        {
            throw new MediaSourceException("subtitle_unreadable", $"'{track.Path}' cannot be read as text: {exception.Message}", exception);
        }
    }

    private async Task<FetchedSubtitle> ExtractAsync(
        LocalRoot root, Func<LocalRoot, string, LocalVideo?> findVideo, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken)
    {
        var video = findVideo(root, item.ExternalId)
            ?? throw new MediaSourceException("item_not_found", $"'{item.ExternalId}' is no longer in the local folder '{root.Lexical}'.");
        try
        {
            var fresh = await probe.ProbeAsync(video.RealPath, cancellationToken);
            var candidates = fresh.Tracks.Where(candidate => SameIdentity(candidate, track)).ToList();
            var match = candidates.FirstOrDefault(candidate => candidate.Index == track.Index) ?? candidates.FirstOrDefault()
                ?? throw new MediaSourceException("track_not_found",
                    $"'{item.Title}' no longer has an embedded {track.Language} {track.Codec} subtitle{(track.Title is null ? "" : $" titled '{track.Title}'")}.");
            return await extractor.ExtractAsync(video.RealPath, match, cancellationToken);
        }
        catch (MediaToolException exception)
        {
            throw new MediaSourceException(exception.Code, exception.Message, exception);
        }
    }

    private static bool SameIdentity(MediaTrack candidate, MediaTrack wanted) =>
        candidate.Kind == MediaTrackKind.Subtitle
        && !candidate.IsExternal
        && string.Equals(candidate.Codec, wanted.Codec, StringComparison.OrdinalIgnoreCase)
        && candidate.Language == wanted.Language
        && candidate.Title == wanted.Title
        && candidate.IsForced == wanted.IsForced
        && candidate.IsHearingImpaired == wanted.IsHearingImpaired;
}

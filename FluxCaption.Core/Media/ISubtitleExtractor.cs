using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Media;

/// <summary>Pulls an embedded text subtitle track out of a media file (ffmpeg).</summary>
public interface ISubtitleExtractor
{
    /// <summary>
    /// The text of <paramref name="track"/> (an embedded subtitle stream, located by its ffprobe index from a
    /// fresh probe) in its own format: ASS for ass/ssa, WebVTT for webvtt, SRT for subrip, mov_text and text.
    /// Cancelling kills ffmpeg. Throws <see cref="MediaToolException"/> for bitmap tracks, missing tools and failures.
    /// </summary>
    Task<FetchedSubtitle> ExtractAsync(string mediaPath, MediaTrack track, CancellationToken cancellationToken);
}

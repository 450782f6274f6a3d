using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Media;

/// <summary>Reads a media file's audio and subtitle tracks (ffprobe).</summary>
public interface IMediaProbe
{
    /// <summary>
    /// The file's audio and subtitle streams as <see cref="MediaTrack"/>s with ffprobe's stream indexes.
    /// Throws <see cref="MediaToolException"/> when ffprobe is missing or cannot read the file.
    /// </summary>
    Task<MediaProbeResult> ProbeAsync(string path, CancellationToken cancellationToken);
}

/// <param name="Duration">Container duration; null when ffprobe reports none.</param>
public sealed record MediaProbeResult(string Path, TimeSpan? Duration, IReadOnlyList<MediaTrack> Tracks);

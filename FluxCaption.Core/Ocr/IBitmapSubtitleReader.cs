using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// Turns an image-based subtitle track (PGS, VobSub) into text cues: decodes the caption images,
/// cleans them and reads them with Tesseract in the track's language, keeping each caption's timing.
/// </summary>
public interface IBitmapSubtitleReader
{
    /// <summary>
    /// Reads the embedded bitmap track <paramref name="track"/> (located by its ffprobe index from a
    /// fresh probe) of <paramref name="mediaPath"/>. <paramref name="progress"/> receives 0..1 as
    /// captions are read. Throws <see cref="OcrException"/> naming what went wrong.
    /// </summary>
    Task<OcrTranscript> ReadTrackAsync(string mediaPath, MediaTrack track, string? language, IProgress<double>? progress, CancellationToken cancellationToken);
}

namespace FluxCaption.Core.Ocr;

/// <summary>
/// One decoded subtitle picture with its display time: what PGS and VobSub decoders produce and OCR reads.
/// </summary>
/// <param name="X">Left edge of the picture on the video frame.</param>
/// <param name="Y">Top edge of the picture on the video frame.</param>
/// <param name="Rgba">Width x Height pixels, 4 bytes each (red, green, blue, alpha; alpha not premultiplied).</param>
/// <param name="IsForced">Marked as forced (shown even when subtitles are off): PGS object flag, VobSub forced-start command.</param>
public sealed record BitmapCaption(TimeSpan Start, TimeSpan End, int X, int Y, int Width, int Height, byte[] Rgba, bool IsForced = false)
{
    /// <summary>
    /// How long a caption stays when its track never says when it ends (no clearing display set, no stop command
    /// and nothing after it): long enough to be read, short enough not to cover the next scene.
    /// </summary>
    public static readonly TimeSpan OpenEndedDuration = TimeSpan.FromSeconds(5);

    /// <summary>Converts a 90 kHz MPEG timestamp, the clock of both PGS and VobSub, to a time.</summary>
    public static TimeSpan FromPts(long pts) => TimeSpan.FromTicks(pts * TimeSpan.TicksPerMillisecond / 90);
}

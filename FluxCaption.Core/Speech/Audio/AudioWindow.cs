namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// One stretch of the extracted audio, in WAV time (add <see cref="ExtractedAudio.StartOffset"/> for media time).
/// <see cref="Index"/> is the checkpoint key: the same audio and options always give the same windows.
/// </summary>
/// <param name="IsSilent">The whole window is detected silence: skip it, it would only invite invented text.</param>
public sealed record AudioWindow(int Index, TimeSpan Start, TimeSpan End, bool IsSilent = false)
{
    public TimeSpan Duration => End - Start;

    /// <summary>
    /// An engine's segment (times relative to this window's own WAV) in media time: shifted by the window's start
    /// and <paramref name="startOffset"/>, and kept inside the window, since engines may round a last timestamp
    /// past the end of what they were given.
    /// </summary>
    public TranscribedSegment ToMediaTime(TranscribedSegment segment, TimeSpan startOffset)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var shift = Start + startOffset;
        TimeSpan Place(TimeSpan time) => shift + Clamp(time);
        return segment with
        {
            Start = Place(segment.Start),
            End = Place(segment.End),
            Words = [.. segment.Words.Select(word => word with { Start = Place(word.Start), End = Place(word.End) })],
        };
    }

    private TimeSpan Clamp(TimeSpan time) => time < TimeSpan.Zero ? TimeSpan.Zero : time > Duration ? Duration : time;
}

namespace FluxCaption.Core.Speech.Audio;

/// <summary>A quiet stretch ffmpeg's silencedetect found, in WAV time.</summary>
public sealed record SilenceSpan(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;

    /// <summary>The same span moved by <paramref name="offset"/>: WAV time plus <see cref="ExtractedAudio.StartOffset"/> is media time.</summary>
    public SilenceSpan Shift(TimeSpan offset) => new(Start + offset, End + offset);
}

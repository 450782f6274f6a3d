namespace FluxCaption.Core.Speech.Audio;

/// <summary>A quiet stretch ffmpeg's silencedetect found, in WAV time.</summary>
public sealed record SilenceSpan(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;
}

namespace FluxCaption.Core.Subtitles;

/// <summary>The subtitle text formats FluxCaption reads and writes.</summary>
public enum SubtitleFormat
{
    Srt,
    WebVtt,
    Ass,
    Ssa,
}

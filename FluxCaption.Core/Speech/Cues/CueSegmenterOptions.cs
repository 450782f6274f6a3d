namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// Readability limits for cues made from speech. The defaults are the common broadcast and streaming
/// guidelines: two lines of about 42 characters (16 to 18 full-width characters in Chinese, Japanese and
/// Korean), one to seven seconds on screen, and a reading speed of about 17 characters a second (9 for CJK,
/// where one character carries more).
/// </summary>
public sealed record CueSegmenterOptions
{
    public int MaxLines { get; init; } = 2;

    /// <summary>Latin, Cyrillic and Greek line length in characters.</summary>
    public int MaxLineLength { get; init; } = 42;

    /// <summary>Chinese, Japanese and Korean line length in full-width characters.</summary>
    public int MaxCjkLineLength { get; init; } = 18;

    /// <summary>Arabic, Hebrew and other right-to-left scripts.</summary>
    public int MaxRightToLeftLineLength { get; init; } = 42;

    /// <summary>Thai, Indic and the remaining scripts, whose letters stack marks and read denser.</summary>
    public int MaxOtherLineLength { get; init; } = 35;

    public double MaxCharactersPerSecond { get; init; } = 17;

    public double MaxCjkCharactersPerSecond { get; init; } = 9;

    public double MaxOtherCharactersPerSecond { get; init; } = 15;

    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Left free before the next cue when a cue is lengthened, so two cues never touch on the same frame (two frames at 25 fps).</summary>
    public TimeSpan MinGap { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>A silence between words at least this long is a good place to cut a cue when there is no punctuation.</summary>
    public TimeSpan PauseForBreak { get; init; } = TimeSpan.FromMilliseconds(400);
}

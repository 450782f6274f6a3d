namespace FluxCaption.Core.Speech.Audio;

/// <summary>How <see cref="SpeechWindowPlanner"/> cuts audio into windows. Changing these changes the plan, so a resumed job must use the ones it started with.</summary>
public sealed record SpeechWindowOptions
{
    /// <summary>Longest window of speech.</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A cut is looked for in the last <see cref="CutSearch"/> of the allowance, so windows stay long enough for context.</summary>
    public TimeSpan CutSearch { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A silence at least this long becomes its own window, marked silent, never sent to an engine.</summary>
    public TimeSpan SkippedSilenceMinimum { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Kept on each side of a skipped silence so the first and last syllables next to it are not clipped.</summary>
    public TimeSpan SilencePadding { get; init; } = TimeSpan.FromSeconds(0.25);
}

namespace FluxCaption.Core.Speech.Cues;

/// <summary>Thresholds of <see cref="HallucinationFilter"/>; the defaults follow Whisper's own decoding settings where it has one.</summary>
public sealed record HallucinationFilterOptions
{
    /// <summary>Whisper's no_speech_threshold: above it, with a low log probability, the segment is treated as silence.</summary>
    public double NoSpeechThreshold { get; init; } = 0.6;

    /// <summary>Whisper's logprob_threshold: below it the decoding counts as failed.</summary>
    public double LogProbabilityThreshold { get; init; } = -1.0;

    /// <summary>Share of a segment's time inside detected silence above which it is dropped as text over silence.</summary>
    public double OverSilenceFraction { get; init; } = 0.85;

    /// <summary>Identical consecutive segments from this many on are a loop: the first is kept, the copies dropped.</summary>
    public int RepeatedSegmentRun { get; init; } = 3;
}

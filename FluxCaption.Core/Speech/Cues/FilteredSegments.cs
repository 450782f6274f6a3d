namespace FluxCaption.Core.Speech.Cues;

/// <summary>What <see cref="HallucinationFilter"/> kept, and how many segments it dropped for each reason.</summary>
/// <param name="Segments">The kept segments, in their original order; a trimmed loop is kept in its trimmed form.</param>
/// <param name="RepetitionLoops">Dropped: a phrase looping through a whole segment, or the same text repeated over consecutive segments.</param>
/// <param name="OverSilence">Dropped: lying almost entirely inside a detected silence.</param>
/// <param name="KnownFillers">Dropped: a known filler (subtitle credits, "thanks for watching", music notes alone...).</param>
/// <param name="LowConfidence">Dropped: the engine itself judged it unlikely speech (no-speech and log probabilities).</param>
/// <param name="Empty">Dropped: no text at all.</param>
/// <param name="TrimmedLoops">Kept but cut short: real text followed by a loop.</param>
public sealed record FilteredSegments(
    IReadOnlyList<TranscribedSegment> Segments,
    int RepetitionLoops,
    int OverSilence,
    int KnownFillers,
    int LowConfidence,
    int Empty,
    int TrimmedLoops)
{
    public int Dropped => RepetitionLoops + OverSilence + KnownFillers + LowConfidence + Empty;
}

namespace FluxCaption.Core.Speech;

/// <summary>What an engine heard in one window; times are relative to the window's start.</summary>
/// <param name="Language">Canonical BCP-47 tag the engine detected or was told; null when it does not say.</param>
public sealed record WindowTranscript(string? Language, IReadOnlyList<TranscribedSegment> Segments);

/// <summary>One segment as the engine returned it, with word timings when the engine gives them.</summary>
/// <param name="NoSpeechProbability">Whisper's no-speech probability for the segment, when known (high means likely silence).</param>
/// <param name="AverageLogProbability">Mean token log probability, when known (very low means likely invented).</param>
public sealed record TranscribedSegment(
    TimeSpan Start,
    TimeSpan End,
    string Text,
    IReadOnlyList<TranscribedWord> Words,
    double? NoSpeechProbability = null,
    double? AverageLogProbability = null);

/// <param name="Probability">0..1 when the engine reports it.</param>
public sealed record TranscribedWord(TimeSpan Start, TimeSpan End, string Text, double? Probability = null);

using Whisper.net;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>Whisper.net segments to <see cref="TranscribedSegment"/>s: words from token timestamps, times kept inside the audio.</summary>
internal static class WhisperSegments
{
    /// <summary>
    /// The segment, or null when it holds no text or starts after the audio ends. Whisper's timestamps are
    /// tokens on a 20 ms grid that the model may place past the end of a short window; they are clamped.
    /// </summary>
    public static TranscribedSegment? ToSegment(SegmentData segment, TimeSpan duration)
    {
        var text = segment.Text.Trim();
        if (text.Length == 0 || segment.Start >= duration)
        {
            return null;
        }

        var textTokens = (segment.Tokens ?? []).Where(t => !IsSpecial(t.Text ?? "")).ToList();
        var start = Clamp(segment.Start, duration);
        var end = Clamp(segment.End, duration);
        return new TranscribedSegment(
            start,
            end < start ? start : end,
            text,
            Words(textTokens, start, end),
            segment.NoSpeechProbability,
            textTokens.Count > 0 ? textTokens.Average(t => (double)t.ProbabilityLog) : null);
    }

    /// <summary>A word starts at a token that begins with a space; later tokens without one continue it.</summary>
    private static List<TranscribedWord> Words(List<WhisperToken> tokens, TimeSpan segmentStart, TimeSpan segmentEnd)
    {
        var words = new List<TranscribedWord>();
        var parts = new List<WhisperToken>();
        foreach (var token in tokens)
        {
            if (parts.Count > 0 && token.Text?.StartsWith(' ') == true)
            {
                Flush();
            }

            parts.Add(token);
        }

        Flush();
        return words;

        void Flush()
        {
            var text = string.Concat(parts.Select(p => p.Text)).Trim();
            if (text.Length > 0)
            {
                var start = Within(Centiseconds(parts[0].Start), segmentStart, segmentEnd);
                var end = Within(Centiseconds(parts[^1].End), segmentStart, segmentEnd);
                words.Add(new TranscribedWord(start, end < start ? start : end, text, parts.Average(p => (double)p.Probability)));
            }

            parts.Clear();
        }
    }

    /// <summary>whisper.cpp names its control and timestamp tokens [_BEG_], [_TT_150]...; converted vocabularies use &lt;|...|&gt;.</summary>
    private static bool IsSpecial(string text) =>
        (text.StartsWith("[_", StringComparison.Ordinal) && text.EndsWith(']'))
        || (text.StartsWith("<|", StringComparison.Ordinal) && text.EndsWith("|>", StringComparison.Ordinal));

    private static TimeSpan Centiseconds(long value) => TimeSpan.FromMilliseconds(value * 10);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan duration) => value > duration ? duration : value;

    private static TimeSpan Within(TimeSpan value, TimeSpan start, TimeSpan end) => value < start ? start : value > end ? end : value;
}

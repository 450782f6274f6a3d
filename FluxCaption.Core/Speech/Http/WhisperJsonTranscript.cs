using System.Text.Json.Nodes;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// Reads the transcript JSON Whisper servers derive from openai-whisper's result, tolerating how they
/// differ: words at the top level (OpenAI, speaches) or inside each segment (whisper.cpp server,
/// whisper-asr-webservice); whisper.cpp's words are tokens (" Hel", "lo", ",") and are joined back into
/// words; older faster-whisper builds of whisper-asr-webservice write segments and words as JSON arrays
/// (their Python NamedTuples); WhisperX names a word's probability "score" and leaves unaligned words
/// without times; LocalAI writes segment times as Go durations (integer nanoseconds) and no
/// words; a reply with only "text" becomes one segment spanning the window.
/// </summary>
internal static class WhisperJsonTranscript
{
    // Field order of faster-whisper's Segment and Word NamedTuples, which json.dump writes as arrays.
    private const int TupleStart = 2, TupleEnd = 3, TupleText = 4, TupleAvgLogProb = 7, TupleNoSpeech = 9, TupleWords = 10;

    public static IReadOnlyList<TranscribedSegment> Segments(JsonObject root, TimeSpan window)
    {
        var raw = new List<RawSegment>();
        foreach (var node in root["segments"] as JsonArray ?? [])
        {
            var segment = node switch
            {
                JsonObject o => new RawSegment(Number(o["start"]), Number(o["end"]), Text(o["text"]), Words(o["words"]), Number(o["avg_logprob"]), Number(o["no_speech_prob"])),
                JsonArray a when a.Count > TupleText => new RawSegment(
                    Number(a[TupleStart]), Number(a[TupleEnd]), Text(a[TupleText]),
                    Words(a.Count > TupleWords ? a[TupleWords] : null),
                    a.Count > TupleAvgLogProb ? Number(a[TupleAvgLogProb]) : null,
                    a.Count > TupleNoSpeech ? Number(a[TupleNoSpeech]) : null),
                _ => null,
            };
            if (segment is not null)
            {
                raw.Add(segment);
            }
        }

        var topWords = Words(root["words"]);
        var text = Text(root["text"]).Trim();
        if (raw.Count == 0 && text.Length > 0)
        {
            // A server that ignored verbose_json (or LocalAI's plain json): all we know is the text.
            var end = Number(root["duration"]) is > 0 and var duration ? duration : window.TotalSeconds;
            raw.Add(new RawSegment(0, end, text, [], null, null));
        }

        var scale = NanosecondScale(raw, window) ? 1e-9 : 1.0;
        var placed = PlaceTopLevelWords(raw, topWords, scale);
        var segments = new List<TranscribedSegment>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var segment = raw[i];
            var start = Seconds(segment.Start * scale);
            var end = Seconds(Math.Max(segment.End * scale ?? 0, segment.Start * scale ?? 0));
            var words = segment.Words.Count > 0 ? segment.Words : placed[i];
            var trimmed = segment.Text.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            segments.Add(new TranscribedSegment(start, end, trimmed, JoinTokens(words), segment.NoSpeech, segment.AvgLogProb));
        }

        return segments;
    }

    // LocalAI marshals time.Duration: a 2 s segment ends at 2000000000. No real window is that long.
    private static bool NanosecondScale(List<RawSegment> segments, TimeSpan window) =>
        segments.Count > 0 && segments.Max(s => s.End ?? 0) > Math.Max(window.TotalSeconds, 1) * 1000;

    /// <summary>Each top-level word goes to the first segment that has not ended by the word's middle, else to the last.</summary>
    private static List<RawWord>[] PlaceTopLevelWords(List<RawSegment> segments, List<RawWord> words, double scale)
    {
        var placed = segments.Select(_ => new List<RawWord>()).ToArray();
        if (segments.Count == 0)
        {
            return placed;
        }

        foreach (var word in words)
        {
            var middle = ((word.Start ?? 0) + (word.End ?? word.Start ?? 0)) / 2;
            var index = segments.FindIndex(s => (s.End ?? double.MaxValue) * scale >= middle);
            placed[index < 0 ? segments.Count - 1 : index].Add(word);
        }

        return placed;
    }

    /// <summary>
    /// Words written with a leading space (whisper.cpp tokens, faster-whisper words) start a new word at
    /// each space, and a piece without one (",", "lo") belongs to the word before. Lists with no leading
    /// spaces at all (OpenAI's words) are words already.
    /// </summary>
    private static List<TranscribedWord> JoinTokens(IReadOnlyList<RawWord> pieces)
    {
        var spaced = pieces.Any(p => p.Text.Length > 0 && char.IsWhiteSpace(p.Text[0]));
        var words = new List<TranscribedWord>(pieces.Count);
        foreach (var piece in pieces)
        {
            var text = piece.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var start = Seconds(piece.Start);
            var end = Seconds(Math.Max(piece.End ?? 0, piece.Start ?? 0));
            if (spaced && words.Count > 0 && !char.IsWhiteSpace(piece.Text[0]))
            {
                var last = words[^1];
                var probability = last.Probability is { } p && piece.Probability is { } q ? Math.Min(p, q) : last.Probability ?? piece.Probability;
                words[^1] = new TranscribedWord(last.Start, end > last.End ? end : last.End, last.Text + text, probability);
            }
            else
            {
                words.Add(new TranscribedWord(start, end, text, piece.Probability));
            }
        }

        return words;
    }

    private static List<RawWord> Words(JsonNode? node)
    {
        var words = new List<RawWord>();
        foreach (var item in node as JsonArray ?? [])
        {
            var word = item switch
            {
                JsonObject o => new RawWord(Number(o["start"]), Number(o["end"]), Text(o["word"] ?? o["text"]), Number(o["probability"]) ?? Number(o["score"])),
                JsonArray a when a.Count >= 3 => new RawWord(Number(a[0]), Number(a[1]), Text(a[2]), a.Count > 3 ? Number(a[3]) : null),
                _ => null,
            };
            // WhisperX leaves words it could not align (numbers, symbols) without times: the segment keeps their text.
            if (word is { Start: not null, End: not null })
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static TimeSpan Seconds(double? seconds) => TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds ?? 0, 3)));

    private sealed record RawSegment(double? Start, double? End, string Text, IReadOnlyList<RawWord> Words, double? AvgLogProb, double? NoSpeech);

    private sealed record RawWord(double? Start, double? End, string Text, double? Probability);
}

namespace FluxCaption.Benchmarks.Speech;

/// <summary>
/// Which token follows which in a generated model. whisper.cpp's own rules pick among the followers:
/// timestamps come in pairs, text after a pair, and a timestamp or end-of-text after text. A timestamp
/// that ends one segment therefore lists itself (to close the pair) and the next segment's first word.
/// Every scripted token owns one state dimension; its index in <see cref="Tokens"/> is that dimension.
/// </summary>
internal sealed class WhisperDecodingScript
{
    // Token ids of whisper's multilingual vocabulary (99 languages, 51865 tokens).
    public const int EndOfText = 50257;
    public const int StartOfTranscript = 50258;
    public const int English = 50259;
    public const int Transcribe = 50359;
    public const int TimestampBegin = 50364;

    private const int TimestampsPerSecond = 50;
    private const int FirstWordToken = 2000;

    private WhisperDecodingScript(IReadOnlyList<int> tokens, IReadOnlyDictionary<int, int[]> next)
    {
        Tokens = tokens;
        Next = next;
    }

    public IReadOnlyList<int> Tokens { get; }

    public IReadOnlyDictionary<int, int[]> Next { get; }

    public static int Timestamp(int seconds) => TimestampBegin + seconds * TimestampsPerSecond;

    public static WhisperDecodingScript For(GgmlWhisperDimensions dimensions)
    {
        var next = new Dictionary<int, int[]>
        {
            // Language detection decodes after sot alone and reads the language tokens' logits.
            [StartOfTranscript] = [English],
            [English] = [Transcribe],
            [Transcribe] = [Timestamp(0)],
        };

        var tokens = new List<int> { StartOfTranscript, English, Transcribe, EndOfText };
        var seconds = dimensions.SegmentSeconds;
        for (var segment = 0; segment < dimensions.Segments; segment++)
        {
            var start = Timestamp(segment * seconds);
            var words = Enumerable.Range(0, dimensions.WordsPerSegment)
                // Even ids carry a leading space in the synthetic vocabulary, so the text reads as words.
                .Select(word => FirstWordToken + 2 * (segment * dimensions.WordsPerSegment + word))
                .ToArray();
            tokens.Add(start);
            tokens.AddRange(words);
            next[start] = segment == 0 ? [words[0]] : [start, words[0]];
            for (var word = 0; word < words.Length - 1; word++)
            {
                next[words[word]] = [words[word + 1]];
            }

            next[words[^1]] = [Timestamp((segment + 1) * seconds)];
        }

        var end = Timestamp(GgmlWhisperDimensions.WindowSeconds);
        tokens.Add(end);
        next[end] = [EndOfText];
        return new WhisperDecodingScript(tokens, next);
    }
}

namespace FluxCaption.Benchmarks.Speech;

/// <summary>
/// The shape of a generated whisper.cpp model and of the transcript its weights are built to produce:
/// one segment every <see cref="SegmentSeconds"/> seconds of each 30 s window, each of
/// <see cref="WordsPerSegment"/> synthetic words.
/// </summary>
/// <param name="State">Width of encoder and decoder (whisper.cpp requires both equal).</param>
/// <param name="Heads">Attention heads of encoder and decoder.</param>
/// <param name="Layers">Blocks of encoder and decoder.</param>
/// <param name="Vocabulary">51865 is whisper's multilingual vocabulary, which whisper.cpp recognises by that size.</param>
public sealed record GgmlWhisperDimensions(
    int State,
    int Heads,
    int Layers,
    int SegmentSeconds,
    int WordsPerSegment,
    int Vocabulary = 51865,
    int AudioContext = 1500,
    int TextContext = 448,
    int Mels = 80)
{
    /// <summary>Small enough for unit tests (about 15 MB, loads and runs a window in well under a second).</summary>
    public static GgmlWhisperDimensions Test { get; } = new(State: 128, Heads: 2, Layers: 1, SegmentSeconds: 2, WordsPerSegment: 3);

    /// <summary>
    /// whisper "tiny" (384 wide, 6 heads, 4 layers). About 100 decoded tokens per 30 s window, which is
    /// what real speech at ~2.7 words a second costs the decoder.
    /// </summary>
    public static GgmlWhisperDimensions Tiny { get; } = new(State: 384, Heads: 6, Layers: 4, SegmentSeconds: 3, WordsPerSegment: 8);

    /// <summary>whisper "base" (512 wide, 8 heads, 6 layers), same decoding load as <see cref="Tiny"/>.</summary>
    public static GgmlWhisperDimensions Base { get; } = new(State: 512, Heads: 8, Layers: 6, SegmentSeconds: 3, WordsPerSegment: 8);

    public const int WindowSeconds = 30;

    public int Segments => WindowSeconds / SegmentSeconds;

    /// <summary>sot, the English language token, transcribe, end-of-text, the timestamps and the words.</summary>
    public int ScriptedTokens => 4 + (Segments + 1) + Segments * WordsPerSegment;

    public void Validate()
    {
        if (State <= 0 || Heads <= 0 || Layers <= 0 || State % Heads != 0)
        {
            throw new ArgumentException($"State {State} must be a positive multiple of Heads {Heads}, with at least one layer.");
        }

        if (SegmentSeconds <= 0 || WindowSeconds % SegmentSeconds != 0 || WordsPerSegment <= 0)
        {
            throw new ArgumentException($"SegmentSeconds {SegmentSeconds} must divide {WindowSeconds}, and WordsPerSegment must be positive.");
        }

        // Every scripted token owns one dimension of the state and one hidden unit of the first decoder MLP.
        if (ScriptedTokens > State)
        {
            throw new ArgumentException($"{ScriptedTokens} scripted tokens need a State of at least {ScriptedTokens}, not {State}.");
        }

        if (Vocabulary < 51865)
        {
            throw new ArgumentException("Only the multilingual vocabulary (51865 or more) is generated.");
        }
    }
}

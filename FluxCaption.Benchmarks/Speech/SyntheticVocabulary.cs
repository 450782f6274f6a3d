using System.Text;

namespace FluxCaption.Benchmarks.Speech;

/// <summary>
/// The 50257 text tokens a multilingual whisper.cpp file carries (the special and timestamp tokens after
/// them are implied by the vocabulary size). The first 256 are the single bytes, so any prompt still
/// tokenizes; the rest are made-up syllable words, every other one with a leading space like a GPT-2 word.
/// </summary>
internal static class SyntheticVocabulary
{
    public const int TextTokens = 50257;

    private static readonly string[] Consonants = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "th", "w", "y", "h"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u"];

    public static byte[][] Build()
    {
        var tokens = new byte[TextTokens][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 256; i++)
        {
            // whisper.cpp's suppress_blank looks the " " token up and fails without it: byte 32 is that token.
            tokens[i] = [(byte)i];
        }

        for (var i = 256; i < TextTokens; i++)
        {
            var word = Word(i - 256);
            var text = i % 2 == 0 ? " " + word : word;
            while (!seen.Add(text))
            {
                text += "x";
            }

            tokens[i] = Encoding.UTF8.GetBytes(text);
        }

        return tokens;
    }

    /// <summary>Two or three syllables from the index's digits in base 100 (one syllable per digit).</summary>
    private static string Word(int index)
    {
        var builder = new StringBuilder();
        var value = index + 100;
        while (value > 0)
        {
            var syllable = value % 100;
            builder.Append(Consonants[syllable / 5]).Append(Vowels[syllable % 5]);
            value /= 100;
        }

        return builder.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>A batch in apertium's stream format, with each segment's source text and what its markers stand for.</summary>
internal sealed record ApertiumStreamBatch(string Input, IReadOnlyList<string> Sources, IReadOnlyList<IReadOnlyList<string>> SegmentTokens);

/// <summary>
/// Carries segments through "apertium -z -f none" (apertium's own stream format, no deformatter) and
/// back. Each segment is one chunk ended by \0, which null-flush mode translates on its own, so two
/// segments never join into one sentence and the chunks come back in order. Each placeholder token
/// (⟦n⟧), line break and character apertium cannot carry as text becomes a superblank "[tK]", which
/// apertium passes through verbatim where it stood without ending the sentence (the HTML
/// deformatter's &lt;br&gt; ended it: "La casa Es rojo.").
/// </summary>
internal static partial class ApertiumStreamCodec
{
    // Without a blank before the \0 apertium loses the chunk's final punctuation ("es roja").
    private const string ChunkEnd = "[]\0";

    public static ApertiumStreamBatch Encode(IReadOnlyList<TranslationSegment> segments)
    {
        var input = new StringBuilder();
        var allTokens = new List<IReadOnlyList<string>>(segments.Count);
        foreach (var segment in segments)
        {
            var tokens = new List<string>();
            var text = segment.Text;
            var position = 0;
            foreach (Match token in Token().Matches(text))
            {
                AppendEscaped(input, text.AsSpan(position, token.Index - position));
                input.Append(CultureInfo.InvariantCulture, $"[t{tokens.Count}]");
                tokens.Add(token.Value);
                position = token.Index + token.Length;
            }

            AppendEscaped(input, text.AsSpan(position));
            input.Append(ChunkEnd);
            allTokens.Add(tokens);
        }

        return new ApertiumStreamBatch(input.ToString(), segments.Select(s => s.Text).ToList(), allTokens);
    }

    /// <summary>
    /// One text per segment, in order. Throws <see cref="ApertiumProcessException"/> when the chunks
    /// did not come back one to one. A token apertium dropped is appended at the end of its segment
    /// and a duplicated one is kept once, so every token still comes back exactly once.
    /// </summary>
    public static IReadOnlyList<string> Decode(ApertiumStreamBatch batch, string output)
    {
        // Null-flush mode pads its output with more \0s. Every chunk sent ends in a blank that comes
        // back, so a translated segment is never empty and trailing empty chunks are only padding.
        var chunks = output.Split('\0');
        var returned = chunks.Length;
        while (returned > 0 && string.IsNullOrWhiteSpace(chunks[returned - 1]))
        {
            returned--;
        }

        if (returned != batch.Sources.Count)
        {
            throw new ApertiumProcessException(
                $"Apertium returned {returned} segments for the {batch.Sources.Count} it was given.");
        }

        var texts = new List<string>(returned);
        for (var index = 0; index < returned; index++)
        {
            var text = DecodeSegment(chunks[index], batch.SegmentTokens[index]);
            texts.Add(MatchLeadingCase(batch.Sources[index], text));
        }

        return texts;
    }

    private static string DecodeSegment(string chunk, IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder(chunk.Length);
        var used = new bool[tokens.Count];
        for (var i = 0; i < chunk.Length; i++)
        {
            var close = chunk[i] == '[' ? chunk.IndexOf(']', i + 1) : -1;
            if (chunk[i] == '\\' && i + 1 < chunk.Length)
            {
                text.Append(chunk[++i]);
            }
            else if (close > i)
            {
                // Only markers are ever sent as superblanks; apertium's own empty ones carry nothing.
                if (chunk.AsSpan(i + 1, close - i - 1) is ['t', .. var digits]
                    && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                    && k < tokens.Count
                    && !used[k])
                {
                    used[k] = true;
                    text.Append(tokens[k]);
                }

                i = close;
            }
            else
            {
                text.Append(chunk[i]);
            }
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            if (!used[k])
            {
                TrimEndSpaces(text);
                text.Append(tokens[k]);
            }
        }

        // Apertium doubles blanks around words it reorders and pads chunk starts; a subtitle line
        // has single spaces and none at its ends or around its line breaks.
        var tidy = Spaces().Replace(text.ToString(), " ");
        tidy = SpacesAroundLineBreak().Replace(tidy, "$1");
        return tidy.Trim(' ');
    }

    // Apertium capitalises the first word of every chunk as if it began a sentence, but a subtitle
    // line often continues the previous one. Tokens and punctuation before the word are looked past;
    // an upper-case source is left alone, since the translation's case is then apertium's own.
    private static string MatchLeadingCase(string source, string translation)
    {
        if (FirstLetter(source) is not { } sourceLetter
            || !Rune.IsLower(sourceLetter.Letter)
            || FirstLetter(translation) is not { } translated
            || !Rune.IsUpper(translated.Letter))
        {
            return translation;
        }

        var lower = Rune.ToLowerInvariant(translated.Letter);
        return string.Concat(
            translation.AsSpan(0, translated.Index),
            lower.ToString(),
            translation.AsSpan(translated.Index + translated.Letter.Utf16SequenceLength));
    }

    private static (Rune Letter, int Index)? FirstLetter(string text)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return (rune, index);
            }

            index += rune.Utf16SequenceLength;
        }

        return null;
    }

    private static void TrimEndSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private static void AppendEscaped(StringBuilder input, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '[' or ']' or '^' or '$' or '@' or '*' or '/' or '<' or '>' or '{' or '}' or '\\')
            {
                input.Append('\\');
            }

            input.Append(c);
        }
    }

    // Besides placeholders and line breaks: \0 would end the chunk, and apertium's post-generator
    // deletes "~" even when escaped, so both ride as markers too.
    [GeneratedRegex(@"⟦[0-9]+⟧|\r?\n|[\x00~]")]
    private static partial Regex Token();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" *(\r?\n) *")]
    private static partial Regex SpacesAroundLineBreak();
}

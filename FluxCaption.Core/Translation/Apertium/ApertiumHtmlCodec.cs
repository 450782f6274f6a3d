using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>A batch as the HTML apertium reads, with what each segment's markers stand for.</summary>
internal sealed record ApertiumHtmlBatch(string Html, IReadOnlyList<IReadOnlyList<string>> SegmentTokens);

/// <summary>
/// Carries segments through "apertium -f html" and back. Each segment is one &lt;p id="sN"&gt; block,
/// so the deformatter never joins two segments into one sentence and the blocks come back in order.
/// Each placeholder token (⟦n⟧) and each literal line break becomes an empty &lt;br id="tK"&gt;, which
/// apertium passes through as a blank between the words where it stood; the surrounding words are
/// translated as one sentence (an empty &lt;span&gt; or &lt;i&gt; would instead split the sentence).
/// </summary>
internal static partial class ApertiumHtmlCodec
{
    public static ApertiumHtmlBatch Encode(IReadOnlyList<TranslationSegment> segments)
    {
        var html = new StringBuilder();
        var allTokens = new List<IReadOnlyList<string>>(segments.Count);
        for (var index = 0; index < segments.Count; index++)
        {
            var tokens = new List<string>();
            html.Append("<p id=\"s").Append(index).Append("\">");
            var text = segments[index].Text;
            var position = 0;
            foreach (Match token in Token().Matches(text))
            {
                AppendEscaped(html, text.AsSpan(position, token.Index - position));
                html.Append("<br id=\"t").Append(tokens.Count).Append("\">");
                tokens.Add(token.Value);
                position = token.Index + token.Length;
            }

            AppendEscaped(html, text.AsSpan(position));
            html.Append("</p>\n");
            allTokens.Add(tokens);
        }

        return new ApertiumHtmlBatch(html.ToString(), allTokens);
    }

    /// <summary>
    /// One text per segment, in order. Throws <see cref="ApertiumProcessException"/> when the blocks
    /// did not come back one to one. A token apertium dropped is appended at the end of its segment
    /// and a duplicated one is kept once, so every token still comes back exactly once.
    /// </summary>
    public static IReadOnlyList<string> Decode(ApertiumHtmlBatch batch, string output)
    {
        var blocks = Block().Matches(output);
        if (blocks.Count != batch.SegmentTokens.Count)
        {
            throw new ApertiumProcessException(
                $"Apertium returned {blocks.Count} segments for the {batch.SegmentTokens.Count} it was given.");
        }

        var texts = new List<string>(blocks.Count);
        for (var index = 0; index < blocks.Count; index++)
        {
            if (blocks[index].Groups["segment"].Value != index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new ApertiumProcessException(
                    $"Apertium returned segment s{blocks[index].Groups["segment"].Value} where s{index} was expected.");
            }

            texts.Add(DecodeSegment(blocks[index].Groups["content"].Value, batch.SegmentTokens[index]));
        }

        return texts;
    }

    private static string DecodeSegment(string content, IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder(content.Length);
        var used = new bool[tokens.Count];
        var position = 0;
        foreach (Match tag in Tag().Matches(content))
        {
            AppendText(text, content[position..tag.Index]);
            position = tag.Index + tag.Length;
            var marker = Marker().Match(tag.Value);
            if (marker.Success
                && int.TryParse(marker.Groups["token"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var k)
                && k < tokens.Count
                && !used[k])
            {
                used[k] = true;
                text.Append(tokens[k]);
            }
        }

        AppendText(text, content[position..]);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!used[k])
            {
                TrimEndSpaces(text);
                text.Append(tokens[k]);
            }
        }

        // Apertium doubles blanks around words it reorders and pads block starts; a subtitle line
        // has single spaces and none at its ends or around its line breaks.
        var tidy = Spaces().Replace(text.ToString(), " ");
        tidy = SpacesAroundLineBreak().Replace(tidy, "\n");
        return tidy.Trim(' ');
    }

    private static void TrimEndSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private static void AppendText(StringBuilder text, string html)
    {
        if (html.Length > 0)
        {
            text.Append(Whitespace().Replace(WebUtility.HtmlDecode(html), " "));
        }
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                _ => html.Append(c),
            };
        }
    }

    [GeneratedRegex("⟦[0-9]+⟧|\r?\n")]
    private static partial Regex Token();

    [GeneratedRegex("""<p\b[^>]*?\bid\s*=\s*["']?s(?<segment>[0-9]+)["']?[^>]*>(?<content>.*?)</p\s*>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("""^<br\b[^>]*?\bid\s*=\s*["']?t(?<token>[0-9]+)["']?[^>]*>$""", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(" *\n *")]
    private static partial Regex SpacesAroundLineBreak();
}

using System.Net;
using System.Text;

namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>
/// Reads SRT and WebVTT cue text (&lt;i&gt;/&lt;b&gt;/&lt;u&gt;/&lt;s&gt;, &lt;v Name&gt;, classes, ruby,
/// timestamp tags, {\anN} at the start of an SRT cue, HTML entities) into <see cref="CueMarkup"/>.
/// </summary>
internal static class HtmlMarkupReader
{
    public static CueMarkup Read(string text, string? webVttSettings)
    {
        var markup = new CueMarkup { Alignment = AlignmentFromSettings(webVttSettings) };
        var plain = new StringBuilder();
        var inRubyText = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                Flush(markup, plain, inRubyText);
                markup.Tokens.Add(new LineBreakToken());
                i++;
                continue;
            }

            if (c == '{' && i + 1 < text.Length && text[i + 1] == '\\' && text.IndexOf('}', i) is var close and > 0)
            {
                // SSA-style override blocks in SRT: players honour {\anN}; the rest has no meaning here.
                var block = text[(i + 2)..close].Trim();
                if (block.StartsWith("an", StringComparison.Ordinal) && int.TryParse(block[2..], out var numpad) && numpad is >= 1 and <= 9)
                {
                    markup.Alignment ??= numpad;
                }

                Flush(markup, plain, inRubyText);
                i = close + 1;
                continue;
            }

            if (c == '<' && text.IndexOf('>', i) is var end and > 0 && IsTag(text[(i + 1)..end]))
            {
                Flush(markup, plain, inRubyText);
                inRubyText = ReadTag(text[(i + 1)..end], markup, inRubyText);
                i = end + 1;
                continue;
            }

            plain.Append(c);
            i++;
        }

        Flush(markup, plain, inRubyText);
        return markup;
    }

    private static int? AlignmentFromSettings(string? settings)
    {
        if (string.IsNullOrEmpty(settings))
        {
            return null;
        }

        var parts = settings.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var top = parts.Any(part => part is "line:0" or "line:0%");
        var align = parts.FirstOrDefault(part => part.StartsWith("align:", StringComparison.Ordinal))?[6..];
        var column = align switch
        {
            "left" or "start" => 1,
            "right" or "end" => 3,
            _ => 2,
        };
        return top ? column + 6 : column == 2 ? null : column;
    }

    private static bool IsTag(string inner)
    {
        var name = inner.TrimStart('/');
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || char.IsAsciiDigit(name[0]));
    }

    // Returns whether we are inside <rt> (ruby annotation), whose text is dropped.
    private static bool ReadTag(string inner, CueMarkup markup, bool inRubyText)
    {
        var closing = inner.StartsWith('/');
        var body = closing ? inner[1..] : inner;
        var nameEnd = body.IndexOfAny([' ', '\t', '.', '=']);
        var name = (nameEnd < 0 ? body : body[..nameEnd]).ToLowerInvariant();
        switch (name)
        {
            case "i" or "b" or "u" or "s":
                markup.Tokens.Add(new StyleToken(name[0], !closing));
                return inRubyText;
            case "v" when !closing:
                var space = body.IndexOfAny([' ', '\t']);
                if (space > 0 && markup.Voice is null)
                {
                    markup.Voice = body[(space + 1)..].Trim();
                }

                return inRubyText;
            case "rt":
                return !closing;
            default:
                return inRubyText;
        }
    }

    private static void Flush(CueMarkup markup, StringBuilder plain, bool inRubyText)
    {
        if (plain.Length > 0 && !inRubyText)
        {
            markup.AddText(WebUtility.HtmlDecode(plain.ToString()));
        }

        plain.Clear();
    }
}

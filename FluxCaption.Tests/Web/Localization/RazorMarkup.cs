using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>
/// A heuristic reading of a .razor file's markup for text a reader sees that did not go through a localizer:
/// the C# in it (@(...), @x.y[...], @if (...), @{...}, the @code block) is blanked out, then what remains
/// between tags and in text-bearing attributes is checked for English words, and so are the string
/// literals inside the blanked C# that are not localizer keys.
/// </summary>
internal static partial class RazorMarkup
{
    /// <summary>Names and formats that read the same in every language.</summary>
    public static readonly IReadOnlySet<string> AllowedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "FluxCaption", "Jellyfin", "Ollama", "OpenAI", "Apertium", "Whisper", "Aspire", "SRT", "ASS", "SSA", "WebVTT", "VTT", "TMX",
        "CSV", "API", "Api", "URL", "HTTP", "POST", "GET", "JSON", "OCR", "SDH", "PGS", "VobSub", "GB", "MB", "KB",
        // Format names, as the formats call themselves.
        "SubRip", "Advanced", "SubStation", "srt", "vtt", "ass",
    };

    private static readonly HashSet<string> TextAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Label", "Placeholder", "Title", "HelperText", "aria-label", "AriaLabel", "alt", "Text", "ErrorText", "AdornmentText",
        "DataLabel", "Tooltip", "YesText", "NoText", "CancelText", "ConfirmText",
    };

    private static readonly HashSet<string> ControlKeywords = ["if", "foreach", "for", "while", "switch", "using", "lock"];

    private static readonly HashSet<string> Directives =
        ["page", "using", "inject", "inherits", "implements", "attribute", "layout", "rendermode", "namespace", "typeparam", "preservewhitespace"];

    /// <summary>"line: text" for each bare English text in the file's markup; empty when all of it is localized.</summary>
    public static IReadOnlyList<string> BareText(string razor, IReadOnlyCollection<string> localizers)
    {
        var literals = new List<(int Index, string Text)>();
        var markup = Blank(razor, literals);
        var found = new List<string>();
        foreach (Match tag in Tag().Matches(markup))
        {
            foreach (Match attribute in Attribute().Matches(tag.Value))
            {
                if (TextAttributes.Contains(attribute.Groups["name"].Value) && IsProse(WebUtility.HtmlDecode(attribute.Groups["value"].Value)))
                {
                    found.Add($"{WebSources.LineOf(razor, tag.Index)}: {attribute.Groups["name"].Value}=\"{attribute.Groups["value"].Value}\"");
                }
            }
        }

        var text = NotRendered().Replace(markup, match => new string(' ', match.Length));
        text = Tag().Replace(text, match => new string(match.Value.Select(c => c == '\n' ? '\n' : '\u0001').ToArray()));
        foreach (Match node in TextNode().Matches(text))
        {
            var value = WebUtility.HtmlDecode(node.Value).Trim();
            if (IsProse(value) && !value.EndsWith(';'))
            {
                found.Add($"{WebSources.LineOf(razor, node.Index)}: {value}");
            }
        }

        foreach (var (index, literal) in literals)
        {
            var before = razor[..index].TrimEnd();
            var isKey = localizers.Any(name => before.EndsWith(name + "[", StringComparison.Ordinal) || before.EndsWith(name + ".GetString(", StringComparison.Ordinal));
            if (!isKey && IsProse(literal) && (literal.Contains(' ') || char.IsUpper(literal[0]) || literal[0] == '('))
            {
                found.Add($"{WebSources.LineOf(razor, index)}: \"{literal}\"");
            }
        }

        return found;
    }

    /// <summary>Words a reader would read: letters that are not an allowed name, an address, a configuration key, a language tag or a model name.</summary>
    public static bool IsProse(string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || (!value.Contains(' ') && (value.IndexOfAny([':', '/', '_']) >= 0 || value.Any(char.IsDigit) || LanguageTag().IsMatch(value))))
        {
            return false;
        }

        return Words().Matches(value).Any(word => !AllowedWords.Contains(word.Value));
    }

    /// <summary>The file with its C# replaced by spaces (lines kept), collecting the string literals that were in that C#.</summary>
    private static string Blank(string razor, List<(int Index, string Text)> literals)
    {
        var code = CodeBlock().Match(razor);
        var chars = razor.ToCharArray();
        var end = code.Success ? code.Index : razor.Length;
        BlankRange(chars, end, razor.Length);
        foreach (Match comment in Comment().Matches(razor))
        {
            BlankRange(chars, comment.Index, comment.Index + comment.Length);
        }

        var source = new string(chars);
        for (var i = 0; i < end; i++)
        {
            if (source[i] == '}' && ElseAfter(source, i + 1) is var elseEnd && elseEnd > 0)
            {
                BlankRange(chars, i + 1, elseEnd);
                i = elseEnd - 1;
                continue;
            }

            if (source[i] != '@' || i + 1 >= end)
            {
                continue;
            }

            var next = source[i + 1];
            if (next == '@')
            {
                i++;
                continue;
            }

            var stop = next is '(' or '{' ? Balanced(source, i + 1, literals) : Expression(source, i, literals);
            BlankRange(chars, i, stop);
            i = stop - 1;
        }

        return new string(chars);
    }

    // An implicit expression, a control statement's head or a directive line, starting at '@'.
    private static int Expression(string source, int at, List<(int Index, string Text)> literals)
    {
        var word = Identifier().Match(source, at + 1);
        if (!word.Success || word.Index != at + 1)
        {
            return at + 1;
        }

        var position = word.Index + word.Length;
        var lineStart = source.LastIndexOf('\n', at) + 1;
        if (Directives.Contains(word.Value) && source[lineStart..at].Trim().Length == 0)
        {
            var lineEnd = source.IndexOf('\n', at);
            return lineEnd < 0 ? source.Length : lineEnd;
        }

        if (ControlKeywords.Contains(word.Value))
        {
            var paren = SkipSpaces(source, position);
            return paren < source.Length && source[paren] == '(' ? Balanced(source, paren, literals) : position;
        }

        while (position < source.Length)
        {
            if (source[position] is '(' or '[')
            {
                position = Balanced(source, position, literals);
            }
            else if (source[position] is '.' or '?' && position + 1 < source.Length && (char.IsLetter(source[position + 1]) || source[position + 1] == '.'))
            {
                var member = Identifier().Match(source, position + 1 + (source[position + 1] == '.' ? 1 : 0));
                position = member.Success ? member.Index + member.Length : position + 1;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    // From an opening bracket to just after its closing one, stepping over string and char literals.
    private static int Balanced(string source, int open, List<(int Index, string Text)> literals)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                var verbatim = i > 0 && source[i - 1] == '@';
                var close = StringEnd(source, i, verbatim);
                literals.Add((i, WebSources.Unescape(source[(i + 1)..close], verbatim)));
                i = close;
            }
            else if (c == '\'' && i + 2 < source.Length)
            {
                var close = source.IndexOf('\'', i + (source[i + 1] == '\\' ? 3 : 2));
                i = close < 0 ? source.Length : close;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && --depth == 0)
            {
                return i + 1;
            }
        }

        return source.Length;
    }

    // The index of the quote that closes the literal opened at <paramref name="open"/> (or the end of its line).
    private static int StringEnd(string source, int open, bool verbatim)
    {
        for (var i = open + 1; i < source.Length; i++)
        {
            if (source[i] == '"')
            {
                if (verbatim && i + 1 < source.Length && source[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (!verbatim && source[i] == '\\')
            {
                i++;
            }
            else if (!verbatim && source[i] == '\n')
            {
                return i;
            }
        }

        return source.Length;
    }

    // "} else {" and "} else if (...) {": the words between the blocks are C#.
    private static int ElseAfter(string source, int from)
    {
        var start = SkipSpaces(source, from);
        if (!source.AsSpan(start).StartsWith("else") || (start + 4 < source.Length && char.IsLetterOrDigit(source[start + 4])))
        {
            return 0;
        }

        var after = SkipSpaces(source, start + 4);
        return source.AsSpan(after).StartsWith("if") && SkipSpaces(source, after + 2) is var paren && paren < source.Length && source[paren] == '('
            ? Balanced(source, paren, [])
            : start + 4;
    }

    private static int SkipSpaces(string source, int from)
    {
        while (from < source.Length && char.IsWhiteSpace(source[from]))
        {
            from++;
        }

        return from;
    }

    private static void BlankRange(char[] chars, int from, int to)
    {
        for (var i = from; i < to && i < chars.Length; i++)
        {
            chars[i] = chars[i] == '\n' ? '\n' : ' ';
        }
    }

    [GeneratedRegex(@"^\s*@code\b", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotRendered();

    [GeneratedRegex(@"<[!/]?[A-Za-z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[\w:-]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"[^\u0001]+")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(\s*=\s*[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$")]
    private static partial Regex LanguageTag();
}

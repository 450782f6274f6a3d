using System.Text;

namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>Writes <see cref="CueMarkup"/> as SRT, WebVTT or ASS/SSA cue text.</summary>
internal static class MarkupWriter
{
    public static string ToSrt(CueMarkup markup)
    {
        var text = ToHtml(markup, escape: false, allowStrike: true);
        // {\anN} at the start of the first line is how SRT carries position; players honour it.
        return markup.Alignment is { } alignment and not 2 ? $"{{\\an{alignment}}}{text}" : text;
    }

    public static string ToWebVtt(CueMarkup markup) => ToHtml(markup, escape: true, allowStrike: false);

    /// <summary>WebVTT cue settings for the alignment: top rows use line:0, left/right columns align:left/right.</summary>
    public static string? WebVttSettings(CueMarkup markup)
    {
        if (markup.Alignment is not { } alignment)
        {
            return null;
        }

        var settings = new List<string>();
        if (alignment >= 7)
        {
            settings.Add("line:0");
        }
        else if (alignment >= 4)
        {
            settings.Add("line:50%");
        }

        if (alignment % 3 == 1)
        {
            settings.Add("align:left");
        }
        else if (alignment % 3 == 0)
        {
            settings.Add("align:right");
        }

        return settings.Count == 0 ? null : string.Join(' ', settings);
    }

    public static string ToAss(CueMarkup markup, bool legacySsa)
    {
        var builder = new StringBuilder();
        if (markup.Alignment is { } alignment and not 2)
        {
            builder.Append(legacySsa ? $"{{\\a{AssAlignment.LegacyFromNumpad(alignment)}}}" : $"{{\\an{alignment}}}");
        }

        var open = new HashSet<char>();
        foreach (var token in markup.Tokens)
        {
            switch (token)
            {
                case TextToken text:
                    // Braces would open an override block; ASS has no escape for them.
                    builder.Append(text.Text.Replace('{', '(').Replace('}', ')').Replace("\u00A0", "\\h", StringComparison.Ordinal));
                    break;
                case LineBreakToken:
                    builder.Append("\\N");
                    break;
                case StyleToken style when style.On != open.Contains(style.Style):
                    builder.Append(style.On ? $"{{\\{style.Style}1}}" : $"{{\\{style.Style}0}}");
                    if (style.On)
                    {
                        open.Add(style.Style);
                    }
                    else
                    {
                        open.Remove(style.Style);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string EscapeWebVtt(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    private static string ToHtml(CueMarkup markup, bool escape, bool allowStrike)
    {
        var builder = new StringBuilder();
        var open = new List<char>();
        foreach (var token in markup.Tokens)
        {
            switch (token)
            {
                case TextToken text:
                    builder.Append(escape ? EscapeWebVtt(text.Text) : text.Text);
                    break;
                case LineBreakToken:
                    builder.Append('\n');
                    break;
                case StyleToken { Style: 's' } when !allowStrike:
                    break;
                case StyleToken { On: true } style when !open.Contains(style.Style):
                    builder.Append('<').Append(style.Style).Append('>');
                    open.Add(style.Style);
                    break;
                case StyleToken { On: false } style when open.Contains(style.Style):
                    // Tags must nest: close the inner ones, then reopen those still wanted.
                    var index = open.LastIndexOf(style.Style);
                    var reopen = open.Skip(index + 1).ToList();
                    for (var k = open.Count - 1; k >= index; k--)
                    {
                        builder.Append("</").Append(open[k]).Append('>');
                    }

                    open.RemoveRange(index, open.Count - index);
                    foreach (var again in reopen)
                    {
                        builder.Append('<').Append(again).Append('>');
                        open.Add(again);
                    }

                    break;
            }
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            builder.Append("</").Append(open[k]).Append('>');
        }

        return builder.ToString().Trim('\n');
    }
}

using System.Text;

namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>Reads ASS/SSA event text (override blocks, \N, \n, \h) into <see cref="CueMarkup"/>.</summary>
internal static class AssMarkupReader
{
    public static CueMarkup Read(string text)
    {
        var markup = new CueMarkup();
        var drawing = false;
        var plain = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    plain.Append(text, i, text.Length - i);
                    break;
                }

                Flush(markup, plain, drawing);
                drawing = ReadOverrideBlock(text[(i + 1)..close], markup, drawing);
                i = close + 1;
                continue;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'N' or 'n' or 'h')
            {
                var escape = text[i + 1];
                if (escape == 'h')
                {
                    plain.Append('\u00A0');
                }
                else if (escape == 'N')
                {
                    Flush(markup, plain, drawing);
                    if (!drawing)
                    {
                        markup.Tokens.Add(new LineBreakToken());
                    }
                }
                else
                {
                    // \n is a soft break: a space unless the script uses wrap style 2.
                    plain.Append(' ');
                }

                i += 2;
                continue;
            }

            plain.Append(c);
            i++;
        }

        Flush(markup, plain, drawing);
        return markup;
    }

    private static void Flush(CueMarkup markup, StringBuilder plain, bool drawing)
    {
        if (plain.Length > 0 && !drawing)
        {
            markup.AddText(plain.ToString());
        }

        markup.HadDrawing |= drawing && plain.Length > 0;
        plain.Clear();
    }

    // Returns whether drawing mode (\p1 and up) is on after the block.
    private static bool ReadOverrideBlock(string block, CueMarkup markup, bool drawing)
    {
        foreach (var raw in block.Split('\\').Skip(1))
        {
            var tag = raw.Trim();
            if (TryToggle(tag, "i", out var on) || TryToggle(tag, "b", out on) || TryToggle(tag, "u", out on) || TryToggle(tag, "s", out on))
            {
                markup.Tokens.Add(new StyleToken(tag[0], on));
            }
            else if (tag.StartsWith("an", StringComparison.Ordinal) && int.TryParse(tag[2..], out var numpad) && numpad is >= 1 and <= 9)
            {
                markup.Alignment ??= numpad;
            }
            else if (tag.StartsWith('a') && int.TryParse(tag[1..], out var legacy) && AssAlignment.NumpadFromLegacy(legacy) is { } mapped)
            {
                markup.Alignment ??= mapped;
            }
            else if (tag.StartsWith('p') && int.TryParse(tag[1..], out var scale))
            {
                drawing = scale > 0;
            }
            else if (tag.StartsWith('r'))
            {
                // \r resets to the style: whatever we switched on is switched off.
                foreach (var style in "ibus")
                {
                    markup.Tokens.Add(new StyleToken(style, false));
                }
            }
        }

        return drawing;
    }

    // \i1, \i0, \b1, \b700 ... ; "\bord2", "\be1", "\shad" and the like are other tags.
    private static bool TryToggle(string tag, string name, out bool on)
    {
        on = false;
        if (!tag.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        var value = tag[name.Length..];
        if (!int.TryParse(value, out var number))
        {
            return false;
        }

        on = number != 0;
        return true;
    }
}

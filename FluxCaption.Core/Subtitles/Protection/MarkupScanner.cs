using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Subtitles.Protection;

/// <summary>Splits cue text into visible words and markup, per format. Adjacent pieces of one kind stay separate.</summary>
internal static partial class MarkupScanner
{
    public static List<MarkupPiece> Scan(string text, SubtitleFormat format)
    {
        var pieces = new List<MarkupPiece>();
        var words = new StringBuilder();
        var isAss = format is SubtitleFormat.Ass or SubtitleFormat.Ssa;
        var drawing = false;
        var i = 0;

        void FlushWords()
        {
            if (words.Length > 0)
            {
                pieces.Add(new MarkupPiece(words.ToString(), IsMarkup: false, IsOverrideBlock: false, IsLineBreak: false));
                words.Clear();
            }
        }

        void AddMarkup(string markup, bool overrideBlock = false, bool lineBreak = false)
        {
            FlushWords();
            pieces.Add(new MarkupPiece(markup, IsMarkup: true, overrideBlock, lineBreak));
        }

        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';

            // ASS treats any {...} as an override (or comment) block; SRT players only honour {\...}.
            if (c == '{' && (isAss || next == '\\'))
            {
                var close = text.IndexOf('}', i + 1);
                if (close > i)
                {
                    var block = text[i..(close + 1)];
                    var drawingLevel = DrawingLevel().Matches(block).LastOrDefault();
                    if (drawingLevel is not null)
                    {
                        drawing = drawingLevel.Groups[1].Value.TrimStart('0').Length > 0;
                    }

                    AddMarkup(block, overrideBlock: true);
                    i = close + 1;
                    continue;
                }
            }

            if (isAss && c == '\\' && next is 'N' or 'n' or 'h')
            {
                AddMarkup(text.Substring(i, 2), lineBreak: next != 'h');
                i += 2;
                continue;
            }

            if (!isAss && c == '<')
            {
                var tag = Tag().Match(text, i);
                if (tag.Success)
                {
                    AddMarkup(tag.Value);
                    i += tag.Length;
                    continue;
                }
            }

            if (!isAss && c is '\r' or '\n')
            {
                var length = c == '\r' && next == '\n' ? 2 : 1;
                AddMarkup(text.Substring(i, length), lineBreak: true);
                i += length;
                continue;
            }

            if (format == SubtitleFormat.WebVtt && c == '&')
            {
                var entity = Entity().Match(text, i);
                if (entity.Success)
                {
                    AddMarkup(entity.Value);
                    i += entity.Length;
                    continue;
                }
            }

            // Our own placeholder brackets in the source would confuse Restore: they travel as markup.
            if (drawing || c is '⟦' or '⟧')
            {
                AddMarkup(c.ToString());
                i++;
                continue;
            }

            words.Append(c);
            i++;
        }

        FlushWords();
        return pieces;
    }

    [GeneratedRegex(@"\\p(\d+)")]
    private static partial Regex DrawingLevel();

    // Anything shaped like a tag (<i>, <font ...>, <v.cls Name>, <c.yellow>, <lang en>, <ruby>/<rt>, and
    // tags players drop unknown) plus WebVTT karaoke timestamps. "<3" or "a < b" are not tags.
    [GeneratedRegex(@"\G(?:</?[A-Za-z][\w.\-]*(?:\s[^<>]*)?>|<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\G&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")]
    private static partial Regex Entity();
}

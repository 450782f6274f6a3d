using System.Globalization;
using System.Text;

namespace FluxCaption.Core.Subtitles.Protection;

/// <summary>
/// Keeps subtitle markup away from translation engines: tags, override blocks and line breaks become
/// numbered placeholders, and lines with nothing to translate are recognised before anything is sent.
/// </summary>
public static class SubtitleMarkupProtector
{
    /// <summary>Replaces markup in <paramref name="cueText"/> (written in <paramref name="format"/>'s own markup) by placeholders.</summary>
    public static ProtectedText Protect(string cueText, SubtitleFormat format)
    {
        ArgumentNullException.ThrowIfNull(cueText);
        var pieces = MarkupScanner.Scan(cueText, format);

        // Leading override blocks ({\an8}, {\pos(..)}) position the whole line: they stay put verbatim.
        var prefix = new StringBuilder();
        var start = 0;
        while (start < pieces.Count && pieces[start].IsOverrideBlock)
        {
            prefix.Append(pieces[start].Text);
            start++;
        }

        var text = new StringBuilder();
        var tokens = new List<string>();
        var i = start;
        while (i < pieces.Count)
        {
            if (!pieces[i].IsMarkup)
            {
                text.Append(pieces[i].Text);
                i++;
                continue;
            }

            // Adjacent markup ("</i>\n<i>") becomes one placeholder: fewer tokens for an engine to juggle.
            var token = new StringBuilder();
            var startsWithBreak = pieces[i].IsLineBreak;
            var endsWithBreak = false;
            while (i < pieces.Count && pieces[i].IsMarkup)
            {
                token.Append(pieces[i].Text);
                endsWithBreak = pieces[i].IsLineBreak;
                i++;
            }

            tokens.Add(token.ToString());
            var placeholder = string.Create(CultureInfo.InvariantCulture, $"⟦{tokens.Count}⟧");

            // A break glued to words ("Hello⟦1⟧world") reads as one word to MT engines; spaces keep them
            // apart, and ProtectedText.Restore drops spaces on the same side of a break again.
            if (startsWithBreak && text.Length > 0 && !char.IsWhiteSpace(text[^1]))
            {
                text.Append(' ');
            }

            text.Append(placeholder);
            if (endsWithBreak && i < pieces.Count && !pieces[i].IsMarkup && !char.IsWhiteSpace(pieces[i].Text[0]))
            {
                text.Append(' ');
            }
        }

        return new ProtectedText(prefix.ToString(), text.ToString(), tokens);
    }

    /// <summary>
    /// Whether the cue carries words to translate: false for ASS comments, drawings, empty or tag-only
    /// text, and lines made only of music notes, symbols and punctuation.
    /// </summary>
    public static bool IsTranslatable(SubtitleCue cue, SubtitleFormat format)
    {
        ArgumentNullException.ThrowIfNull(cue);
        if (cue.IsComment)
        {
            return false;
        }

        return PlainText(cue.Text, format).Any(char.IsLetter);
    }

    /// <summary>The words a viewer reads, markup removed and line breaks as spaces: for context lines and checks.</summary>
    public static string PlainText(string cueText, SubtitleFormat format)
    {
        ArgumentNullException.ThrowIfNull(cueText);
        var plain = new StringBuilder();
        foreach (var piece in MarkupScanner.Scan(cueText, format))
        {
            if (!piece.IsMarkup)
            {
                plain.Append(piece.Text);
            }
            else if ((piece.IsLineBreak || piece.Text == "\\h") && plain.Length > 0 && plain[^1] != ' ')
            {
                plain.Append(' ');
            }
        }

        return plain.ToString().Trim();
    }
}

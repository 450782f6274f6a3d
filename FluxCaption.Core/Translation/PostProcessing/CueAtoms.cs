using System.Text;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Translation.PostProcessing;

internal enum AtomKind
{
    /// <summary>One visible character (a surrogate pair stays one atom).</summary>
    Char,

    /// <summary>A tag, an override block, \h or anything else a viewer does not read as a letter.</summary>
    Markup,

    /// <summary>A line break in the document's own representation (\N, \n or a newline).</summary>
    Break,
}

internal readonly record struct Atom(string Text, AtomKind Kind)
{
    public bool IsChar => Kind == AtomKind.Char;

    public char First => Text[0];

    public static Atom Char(char c) => new(c.ToString(), AtomKind.Char);
}

/// <summary>
/// Cue text cut into visible characters and markup, so the post-processing rules edit words and
/// never touch a tag, an override block or a break they did not mean to.
/// </summary>
internal static class CueAtoms
{
    public static List<Atom> Parse(string text, SubtitleFormat format)
    {
        var atoms = new List<Atom>(text.Length);
        foreach (var piece in MarkupScanner.Scan(text, format))
        {
            if (piece.IsMarkup)
            {
                atoms.Add(new Atom(piece.Text, piece.IsLineBreak ? AtomKind.Break : AtomKind.Markup));
                continue;
            }

            for (var i = 0; i < piece.Text.Length; i++)
            {
                var length = char.IsHighSurrogate(piece.Text[i]) && i + 1 < piece.Text.Length && char.IsLowSurrogate(piece.Text[i + 1]) ? 2 : 1;
                atoms.Add(new Atom(piece.Text.Substring(i, length), AtomKind.Char));
                i += length - 1;
            }
        }

        return atoms;
    }

    public static string Render(IEnumerable<Atom> atoms)
    {
        var text = new StringBuilder();
        foreach (var atom in atoms)
        {
            text.Append(atom.Text);
        }

        return text.ToString();
    }

    /// <summary>The atoms between breaks; a cue without breaks is one line. Break atoms are left out.</summary>
    public static List<List<Atom>> Lines(List<Atom> atoms)
    {
        var lines = new List<List<Atom>> { new() };
        foreach (var atom in atoms)
        {
            if (atom.Kind == AtomKind.Break)
            {
                lines.Add([]);
            }
            else
            {
                lines[^1].Add(atom);
            }
        }

        return lines;
    }

    /// <summary>The line break a format writes inside a cue: ASS/SSA "\N", SRT and WebVTT a newline.</summary>
    public static string BreakFor(SubtitleFormat format) => format is SubtitleFormat.Ass or SubtitleFormat.Ssa ? "\\N" : "\n";
}

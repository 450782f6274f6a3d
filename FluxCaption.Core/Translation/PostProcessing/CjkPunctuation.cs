namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>
/// Chinese and Japanese typesetting of ASCII punctuation that follows CJK text. A mark is converted
/// only when the visible character before it (spaces skipped) is CJK, so numbers (3.5, 1,000), times
/// (10:30), URLs and Latin words keep their ASCII punctuation. Three or more dots or any run of "…"
/// after CJK text (or opening a CJK line) become "……", the two-cell ellipsis both languages set;
/// two dots, or dots after Latin text, are left alone. Japanese takes 、。 and 「」, Chinese ，。 and “”.
/// Spaces next to full-width punctuation are dropped: the mark carries its own spacing.
/// </summary>
internal static class CjkPunctuation
{
    public static List<Atom> Apply(List<Atom> atoms, bool japanese)
    {
        // Quotes first, so a mark after a closing quote ("对" . ) sees CJK before it.
        var quoted = new List<Atom>(atoms);
        Quote(quoted, japanese);
        return DropSpaces(Convert(quoted, japanese));
    }

    private static List<Atom> Convert(List<Atom> atoms, bool japanese)
    {
        var result = new List<Atom>(atoms.Count);
        var openedParentheses = 0;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom.Kind == AtomKind.Break)
            {
                openedParentheses = 0;
            }

            if (!atom.IsChar || atom.Text.Length != 1)
            {
                result.Add(atom);
                continue;
            }

            var afterCjk = PreviousIsCjk(result);
            var next = NextVisible(atoms, i + 1);
            switch (atom.First)
            {
                case '.' or '…':
                    var end = i;
                    while (end + 1 < atoms.Count && atoms[end + 1].IsChar && atoms[end + 1].Text is "." or "…")
                    {
                        end++;
                    }

                    var run = atoms.Skip(i).Take(end - i + 1).ToList();
                    var isEllipsis = run.Count >= 3 || run.Any(a => a.First == '…');
                    var followedByCjk = NextVisible(atoms, end + 1) is { } after && ScriptCharacters.IsCjkLetter(after.Text);
                    var lineStart = PreviousVisible(result) is null || PreviousVisible(result)!.Value.Kind == AtomKind.Break;
                    if (isEllipsis && (afterCjk || (lineStart && followedByCjk)))
                    {
                        result.Add(Atom.Char('…'));
                        result.Add(Atom.Char('…'));
                    }
                    else if (run.Count == 1 && atom.First == '.' && afterCjk && !StartsLatinOrDigit(NextVisible(atoms, end + 1)))
                    {
                        result.Add(Atom.Char('。'));
                    }
                    else
                    {
                        result.AddRange(run);
                    }

                    i = end;
                    continue;
                case ',' when afterCjk && !StartsDigit(next):
                    result.Add(Atom.Char(japanese ? '、' : '，'));
                    continue;
                case '!' when afterCjk:
                    result.Add(Atom.Char('！'));
                    continue;
                case '?' when afterCjk:
                    result.Add(Atom.Char('？'));
                    continue;
                case ':' when afterCjk && !StartsDigit(next):
                    result.Add(Atom.Char('：'));
                    continue;
                case ';' when afterCjk:
                    result.Add(Atom.Char('；'));
                    continue;
                case '(' when next is { } inside && ScriptCharacters.IsCjkLetter(inside.Text):
                    openedParentheses++;
                    result.Add(Atom.Char('（'));
                    continue;
                case ')' when afterCjk || openedParentheses > 0:
                    openedParentheses = Math.Max(0, openedParentheses - 1);
                    result.Add(Atom.Char('）'));
                    continue;
                default:
                    result.Add(atom);
                    continue;
            }
        }

        return result;
    }

    /// <summary>Straight double quotes, paired per line, become CJK quotes when they enclose or follow CJK text.</summary>
    private static void Quote(List<Atom> atoms, bool japanese)
    {
        var lineStart = 0;
        for (var i = 0; i <= atoms.Count; i++)
        {
            if (i < atoms.Count && atoms[i].Kind != AtomKind.Break)
            {
                continue;
            }

            var quotes = Enumerable.Range(lineStart, i - lineStart).Where(q => atoms[q] is { IsChar: true, Text: "\"" }).ToList();
            for (var pair = 0; pair + 1 < quotes.Count; pair += 2)
            {
                var (open, close) = (quotes[pair], quotes[pair + 1]);
                var encloses = Enumerable.Range(open + 1, close - open - 1).Any(k => atoms[k].IsChar && ScriptCharacters.IsCjkLetter(atoms[k].Text));
                if (encloses || PreviousIsCjk(atoms.GetRange(0, open)))
                {
                    atoms[open] = Atom.Char(japanese ? '「' : '“');
                    atoms[close] = Atom.Char(japanese ? '」' : '”');
                }
            }

            lineStart = i + 1;
        }
    }

    private static List<Atom> DropSpaces(List<Atom> atoms)
    {
        var result = new List<Atom>(atoms.Count);
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom.IsChar && atom.Text == " ")
            {
                var previous = PreviousVisible(result);
                var next = NextVisible(atoms, i + 1, skipSpaces: false);
                var afterMark = previous is { IsChar: true } p && IsFullWidthMark(p.Text);
                var beforeMark = next is { IsChar: true } n && IsFullWidthMark(n.Text)
                    && (!ScriptCharacters.IsOpeningPunctuation(n.Text) || (previous is { IsChar: true } b && ScriptCharacters.IsFullWidth(b.Text)));
                if (afterMark || beforeMark)
                {
                    continue;
                }
            }

            result.Add(atom);
        }

        return result;
    }

    // "…", "“" and "”" are ambiguous-width: in a CJK line they are set full-width like the rest.
    private static bool IsFullWidthMark(string text) =>
        (ScriptCharacters.IsFullWidth(text) && !ScriptCharacters.IsCjkLetter(text)) || text is "…" or "“" or "”";

    private static bool PreviousIsCjk(List<Atom> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            var atom = done[i];
            if (atom.Kind == AtomKind.Break)
            {
                return false;
            }

            if (atom.IsChar && !ScriptCharacters.IsSpace(atom.Text))
            {
                return ScriptCharacters.IsFullWidth(atom.Text) || IsFullWidthMark(atom.Text);
            }
        }

        return false;
    }

    /// <summary>The last character or break already emitted (markup skipped).</summary>
    private static Atom? PreviousVisible(List<Atom> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            if (done[i].Kind != AtomKind.Markup)
            {
                return done[i];
            }
        }

        return null;
    }

    private static Atom? NextVisible(List<Atom> atoms, int from, bool skipSpaces = true)
    {
        for (var i = from; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom.Kind == AtomKind.Break)
            {
                return null;
            }

            if (atom.IsChar && !(skipSpaces && ScriptCharacters.IsSpace(atom.Text)))
            {
                return atom;
            }
        }

        return null;
    }

    private static bool StartsDigit(Atom? atom) => atom is { } a && char.IsAsciiDigit(a.First);

    private static bool StartsLatinOrDigit(Atom? atom) => atom is { } a && ScriptCharacters.IsLatinWordCharacter(a.Text);
}

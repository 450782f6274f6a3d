namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>
/// Keeps a cue to two lines of at most <c>maxColumns</c> screen columns (a full-width character takes
/// two). A cue whose lines all fit is left exactly as it is, including the translator's own breaks;
/// otherwise its lines are joined and broken again where the two halves are most even, a break just
/// after punctuation winning if it costs at most three characters of balance. Breaks go at spaces or,
/// in Chinese and Japanese, between two characters when one is CJK; never inside a Latin word or a
/// number, never before closing punctuation, never after an opening bracket or quote. Text that
/// cannot fit in two lines gets as few lines as it needs, each as even as possible; a single word
/// wider than the line (a long URL) stays whole on its own line.
/// </summary>
internal static class LineWrapper
{
    private const int PunctuationBonusColumns = 6;

    public static List<Atom> Wrap(List<Atom> atoms, int maxColumns, bool breakBetweenCjk, string breakToken)
    {
        var lines = CueAtoms.Lines(atoms);
        if (lines.All(line => Width(line) <= maxColumns))
        {
            return atoms;
        }

        // "- Hi.\n- Hello." is two speakers: each line is wrapped on its own, never joined to the other.
        if (lines.Count(IsDialogueLine) >= 2)
        {
            var result = new List<Atom>();
            var line = new List<Atom>();
            foreach (var atom in atoms.Append(new Atom(breakToken, AtomKind.Break)))
            {
                if (atom.Kind != AtomKind.Break)
                {
                    line.Add(atom);
                    continue;
                }

                result.AddRange(Width(line) > maxColumns ? Rebreak(line, maxColumns, breakBetweenCjk, breakToken) ?? line : line);
                result.Add(atom);
                line = [];
            }

            result.RemoveAt(result.Count - 1);
            return result;
        }

        return Rebreak(Join(lines, breakBetweenCjk), maxColumns, breakBetweenCjk, breakToken) ?? atoms;
    }

    private static List<Atom>? Rebreak(List<Atom> joined, int maxColumns, bool breakBetweenCjk, string breakToken)
    {
        var candidates = Candidates(joined, breakBetweenCjk);
        if (candidates.Count == 0)
        {
            return null;
        }

        var prefix = PrefixWidths(joined);
        var total = prefix[^1];
        var breaks = BestPair(candidates, prefix, total, maxColumns) is { } pair
            ? [pair]
            : Balanced(candidates, prefix, total, maxColumns);
        return Render(joined, breaks, breakToken);
    }

    private static bool IsDialogueLine(List<Atom> line) =>
        line.FirstOrDefault(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text)).Text is "-" or "–" or "—";

    public static int Width(IEnumerable<Atom> atoms) => atoms.Sum(ScriptCharacters.Columns);

    private static List<Atom> Join(List<List<Atom>> lines, bool breakBetweenCjk)
    {
        var joined = new List<Atom>();
        foreach (var line in lines)
        {
            var trimmed = TrimSpaces(line);
            var last = joined.LastOrDefault(a => a.IsChar);
            var first = trimmed.FirstOrDefault(a => a.IsChar);
            if (last.Text is not null && first.Text is not null
                && !(breakBetweenCjk && (ScriptCharacters.IsFullWidth(last.Text) || ScriptCharacters.IsFullWidth(first.Text))))
            {
                joined.Add(Atom.Char(' '));
            }

            joined.AddRange(trimmed);
        }

        return joined;
    }

    private static List<Atom> TrimSpaces(List<Atom> line)
    {
        var firstChar = line.FindIndex(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text));
        var lastChar = line.FindLastIndex(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text));
        if (firstChar < 0)
        {
            return [.. line.Where(a => !a.IsChar)];
        }

        // Markup around the words stays; only spaces at the joins go.
        return [.. line.Where((a, i) => !(a.IsChar && ScriptCharacters.IsSpace(a.Text) && (i < firstChar || i > lastChar)))];
    }

    /// <summary>A place to break: before atom <c>Index</c>; <c>Space</c> when that atom is a space the break replaces.</summary>
    private readonly record struct Candidate(int Index, bool Space, bool AfterPunctuation);

    private static List<Candidate> Candidates(List<Atom> atoms, bool breakBetweenCjk)
    {
        var candidates = new List<Candidate>();
        Atom? previous = null;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (!atom.IsChar)
            {
                continue;
            }

            if (ScriptCharacters.IsSpace(atom.Text))
            {
                var next = atoms.Skip(i + 1).FirstOrDefault(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text));
                if (previous is { } before && next.Text is not null
                    && !ScriptCharacters.IsClosingPunctuation(next.Text) && !ScriptCharacters.IsOpeningPunctuation(before.Text)
                    && !(next.Text is "-" or "–" or "—" && atoms.Skip(i + 2).FirstOrDefault(a => a.IsChar).Text is " "))
                {
                    candidates.Add(new Candidate(i, Space: true, IsPunctuation(before.Text)));
                }

                continue;
            }

            if (breakBetweenCjk && previous is { } prior && !ScriptCharacters.IsSpace(prior.Text)
                && (ScriptCharacters.IsFullWidth(prior.Text) || ScriptCharacters.IsFullWidth(atom.Text))
                && !(ScriptCharacters.IsLatinWordCharacter(prior.Text) && ScriptCharacters.IsLatinWordCharacter(atom.Text))
                && !ScriptCharacters.IsClosingPunctuation(atom.Text) && !ScriptCharacters.IsOpeningPunctuation(prior.Text))
            {
                candidates.Add(new Candidate(i, Space: false, IsPunctuation(prior.Text)));
            }

            previous = atom;
        }

        // Consecutive spaces: keep the first, so the break swallows the rest when rendered.
        return [.. candidates.Where((c, k) => !(c.Space && k > 0 && candidates[k - 1].Space && candidates[k - 1].Index == c.Index - 1))];
    }

    private static bool IsPunctuation(string text) =>
        text.Length == 1 && ",.;:!?，。；：！？、…".Contains(text[0], StringComparison.Ordinal);

    private static int[] PrefixWidths(List<Atom> atoms)
    {
        var prefix = new int[atoms.Count + 1];
        for (var i = 0; i < atoms.Count; i++)
        {
            prefix[i + 1] = prefix[i] + ScriptCharacters.Columns(atoms[i]);
        }

        return prefix;
    }

    private static (int Before, int After) Split(Candidate candidate, int[] prefix, int total)
    {
        var before = prefix[candidate.Index];
        var after = total - before - (candidate.Space ? 1 : 0);
        return (before, after);
    }

    private static Candidate? BestPair(List<Candidate> candidates, int[] prefix, int total, int maxColumns)
    {
        Candidate? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var (before, after) = Split(candidate, prefix, total);
            if (before > maxColumns || after > maxColumns)
            {
                continue;
            }

            // Even halves first; the top line a little shorter on a tie; a break after punctuation is
            // worth a few columns of balance because it follows the sentence.
            var score = (Math.Max(before, after) * 2) + (before > after ? 1 : 0)
                - (candidate.AfterPunctuation ? PunctuationBonusColumns * 2 : 0);
            if (score < bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    /// <summary>
    /// More than two lines: the smallest line width that still needs no more lines than a greedy fill at
    /// the full width, which evens the lines out instead of leaving a short last one.
    /// </summary>
    private static List<Candidate> Balanced(List<Candidate> candidates, int[] prefix, int total, int maxColumns)
    {
        var breaks = Greedy(candidates, prefix, total, maxColumns);
        for (var width = maxColumns - 1; width > 0; width--)
        {
            var tighter = Greedy(candidates, prefix, total, width);
            if (tighter.Count > breaks.Count)
            {
                break;
            }

            breaks = tighter;
        }

        return breaks;
    }

    private static List<Candidate> Greedy(List<Candidate> candidates, int[] prefix, int total, int width)
    {
        var breaks = new List<Candidate>();
        var lineStart = 0;
        Candidate? lastFitting = null;
        var k = 0;
        while (k < candidates.Count)
        {
            var candidate = candidates[k];
            if (prefix[candidate.Index] - lineStart <= width)
            {
                lastFitting = candidate;
                k++;
                continue;
            }

            // The line is too wide at this candidate: break at the last place that fitted and look at
            // this candidate again from the new line; with none (one very long word) break right here.
            var chosen = lastFitting ?? candidate;
            breaks.Add(chosen);
            lineStart = prefix[chosen.Index] + (chosen.Space ? 1 : 0);
            lastFitting = null;
            if (chosen.Index == candidate.Index)
            {
                k++;
            }
        }

        if (total - lineStart > width && lastFitting is { } tail)
        {
            breaks.Add(tail);
        }

        return breaks;
    }

    private static List<Atom> Render(List<Atom> atoms, List<Candidate> breaks, string breakToken)
    {
        var at = breaks.ToDictionary(b => b.Index);
        var result = new List<Atom>(atoms.Count + breaks.Count);
        var skipSpaces = false;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (at.TryGetValue(i, out var candidate))
            {
                while (result.Count > 0 && result[^1].IsChar && ScriptCharacters.IsSpace(result[^1].Text))
                {
                    result.RemoveAt(result.Count - 1);
                }

                result.Add(new Atom(breakToken, AtomKind.Break));
                skipSpaces = true;
                if (candidate.Space)
                {
                    continue;
                }
            }

            if (skipSpaces && atom.IsChar && ScriptCharacters.IsSpace(atom.Text))
            {
                continue;
            }

            skipSpaces &= !atom.IsChar;
            result.Add(atom);
        }

        return result;
    }
}

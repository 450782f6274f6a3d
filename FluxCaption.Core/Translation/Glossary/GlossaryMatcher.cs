namespace FluxCaption.Core.Translation.Glossary;

/// <summary>
/// Finds the terms that apply to a line and checks a translation against them. A source term matches
/// as a whole word ("Ann" is not found in "Annual") unless its edge is a character of a script written
/// without spaces (Chinese, Japanese, Thai...), where any occurrence counts. The target term only has to
/// be contained in the translation, because inflection may glue letters to it.
/// </summary>
public static class GlossaryMatcher
{
    /// <summary>
    /// Merges the global terms with the job's; the job's win for the same source term (compared
    /// case-insensitively). Blank terms are dropped.
    /// </summary>
    public static IReadOnlyList<GlossaryTerm> Merge(IEnumerable<GlossaryTerm> global, IEnumerable<GlossaryTerm>? job)
    {
        var merged = new Dictionary<string, GlossaryTerm>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in global.Concat(job ?? []))
        {
            if (!string.IsNullOrWhiteSpace(term.Source) && !string.IsNullOrWhiteSpace(term.Target))
            {
                var clean = term with { Source = term.Source.Trim(), Target = term.Target.Trim() };
                merged[clean.Source] = clean;
            }
        }

        return [.. merged.Values];
    }

    public static IReadOnlyList<GlossaryTerm> TermsIn(string sourceText, IReadOnlyList<GlossaryTerm> terms) =>
        terms.Count == 0 ? [] : [.. terms.Where(term => OccursAsWord(sourceText, term.Source, Comparison(term)))];

    /// <summary>The terms that occur in <paramref name="sourceText"/> whose target is missing from <paramref name="translation"/>.</summary>
    public static IReadOnlyList<GlossaryTerm> Missing(string sourceText, string translation, IReadOnlyList<GlossaryTerm> terms) =>
        [.. TermsIn(sourceText, terms).Where(term => !translation.Contains(term.Target, Comparison(term)))];

    private static StringComparison Comparison(GlossaryTerm term) =>
        term.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static bool OccursAsWord(string text, string term, StringComparison comparison)
    {
        for (var at = text.IndexOf(term, comparison); at >= 0; at = text.IndexOf(term, at + 1, comparison))
        {
            var end = at + term.Length;
            var startsClean = at == 0 || !NeedsBoundary(term[0]) || !char.IsLetterOrDigit(text[at - 1]);
            var endsClean = end == text.Length || !NeedsBoundary(term[^1]) || !char.IsLetterOrDigit(text[end]);
            if (startsClean && endsClean)
            {
                return true;
            }
        }

        return false;
    }

    // Scripts written without spaces between words: Thai, Lao, Khmer, Myanmar, CJK and kana, Hangul syllables.
    private static bool NeedsBoundary(char c) =>
        char.IsLetterOrDigit(c)
        && c is not (>= '\u0E00' and <= '\u0EFF')
        && c is not (>= '\u1000' and <= '\u109F')
        && c is not (>= '\u1780' and <= '\u17FF')
        && c is not (>= '\u2E80' and <= '\u9FFF')
        && c is not (>= '\uF900' and <= '\uFAFF');
}

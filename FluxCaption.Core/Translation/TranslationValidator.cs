using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Translation;

/// <summary>
/// Checks an engine reply against the batch it answers, line by line. Whether the sound lines of a
/// partly wrong reply may be kept is the caller's call (<see cref="BatchValidation.Whole"/>): when one id
/// is missing or merged, the neighbouring lines that look fine may well be shifted.
/// </summary>
internal static partial class TranslationValidator
{
    public static BatchValidation Validate(
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<TranslatedSegment> replies,
        bool languagesDiffer,
        IReadOnlyList<GlossaryTerm>? glossary = null)
    {
        var errors = new List<string>();
        var accepted = new Dictionary<int, string>();
        var glossaryMisses = new Dictionary<int, GlossaryMiss>();
        var byId = replies.GroupBy(r => r.Id.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList());
        var asked = units.Select(u => Id(u.CueIndex)).ToHashSet(StringComparer.Ordinal);

        foreach (var extra in byId.Keys.Where(id => !asked.Contains(id)))
        {
            errors.Add($"id {extra}: was not asked for");
        }

        foreach (var unit in units)
        {
            var id = Id(unit.CueIndex);
            if (!byId.TryGetValue(id, out var answers))
            {
                errors.Add($"id {id}: missing from the reply");
                continue;
            }

            if (answers.Count > 1)
            {
                errors.Add($"id {id}: answered {answers.Count} times");
                continue;
            }

            // A raw line break would add a line to an SRT cue and split an ASS event: breaks only come from placeholders.
            var text = LineBreaks().Replace(answers[0].Text ?? "", " ").Trim();
            var problem = CheckText(unit, text, languagesDiffer);
            if (problem is not null)
            {
                errors.Add($"id {id}: {problem}");
                continue;
            }

            var restore = unit.Protected.Restore(text);
            if (!restore.Succeeded)
            {
                errors.Add($"id {id}: {restore.Error}");
                continue;
            }

            var missing = GlossaryMissing(unit, text, glossary ?? []);
            if (missing is not null)
            {
                glossaryMisses[unit.CueIndex] = new GlossaryMiss(text, $"id {id}: {missing}");
                continue;
            }

            accepted[unit.CueIndex] = text;
        }

        return new BatchValidation(accepted, errors, glossaryMisses);
    }

    /// <summary>Null when every glossary term of the unit's source is rendered as asked.</summary>
    public static string? GlossaryMissing(TranslationUnit unit, string translation, IReadOnlyList<GlossaryTerm> glossary)
    {
        if (glossary.Count == 0)
        {
            return null;
        }

        // Placeholders may sit inside a term ("Dark⟦1⟧Lord" is not "Dark Lord", but neither is it the model's fault).
        var visible = Placeholders().Replace(translation, "");
        var missing = GlossaryMatcher.Missing(unit.SourcePlain, visible, glossary);
        return missing.Count == 0
            ? null
            : string.Join("; ", missing.Select(term => $"glossary: \"{term.Source}\" must be translated as \"{term.Target}\""));
    }

    /// <summary>Whether an accepted translation is the source again (markup and spacing aside): a line let through as a name.</summary>
    public static bool CameBackUnchanged(TranslationUnit unit, string translation) =>
        Comparable(translation) == Comparable(unit.Protected.Text);

    public static string Id(int cueIndex) => cueIndex.ToString(CultureInfo.InvariantCulture);

    private static string? CheckText(TranslationUnit unit, string text, bool languagesDiffer)
    {
        var visible = Placeholders().Replace(text, " ").Trim();
        if (visible.Length == 0)
        {
            return "the translation is empty";
        }

        var source = unit.Protected.Text;
        if (text.Length > (4 * source.Length) + 40)
        {
            return "the translation is far longer than the source";
        }

        if (languagesDiffer && Comparable(text) == Comparable(source) && !MayStayUnchanged(unit.SourcePlain))
        {
            return "the line came back untranslated";
        }

        return null;
    }

    /// <summary>
    /// Names and interjections legitimately come back as they were ("Michael!", "OK", "New York"):
    /// a single word, or up to three capitalised words, may stay unchanged; any other line may not.
    /// </summary>
    private static bool MayStayUnchanged(string sourcePlain)
    {
        var words = sourcePlain.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter))
            .ToList();
        return words.Count <= 1
            || (words.Count <= 3 && words.All(w => char.IsUpper(w.First(char.IsLetter))));
    }

    // Both sides go through the same steps, from the same kind of text (protected, placeholders in it):
    // a placeholder may stand for a space, a break or nothing ("{\k25}su{\k13}re"), so placeholders and
    // whitespace are dropped rather than turned into spaces. Letter case still counts, as before: a
    // model does not answer with the source in other capitals, and the tests' stand-in engine
    // translates by upper-casing.
    private static string Comparable(string text) =>
        Spaces().Replace(Placeholders().Replace(text, ""), "").Normalize(NormalizationForm.FormC);

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"⟦\s*\d+\s*⟧")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

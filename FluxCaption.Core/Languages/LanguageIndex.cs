using System.Globalization;
using System.Text;

namespace FluxCaption.Core.Languages;

/// <summary>What FluxCaption knows about one canonical tag.</summary>
internal sealed record CanonicalLanguage(string Tag, LanguageEntry Language, string DisplayName, LanguageScript Script);

/// <summary>Lookup tables built once from <see cref="LanguageTable"/> and <see cref="LanguageVariants"/>.</summary>
internal static class LanguageIndex
{
    // Codes that were withdrawn or are synonyms, still written by old tools and file names.
    private static readonly (string Code, string Language)[] RetiredCodes =
    [
        ("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv"), ("mo", "ro"), ("mol", "ro"),
        ("scc", "sr"), ("scr", "hr"), ("cmn", "zh"),
    ];

    // Whole inputs that are not BCP-47 but are common in subtitle sites, players and file names.
    private static readonly (string Input, string Canonical)[] OddTags =
    [
        ("chs", "zh-Hans"), ("zhs", "zh-Hans"), ("cht", "zh-Hant"), ("zht", "zh-Hant"),
        ("pob", "pt-BR"), ("pb", "pt-BR"), ("ptb", "pt-BR"), ("ea", "es-419"), ("es-la", "es-419"),
        ("sh", "sr-Latn"), ("hbs", "sr-Latn"), ("mandarin", "zh-Hans"),
        ("portuguese (portugal)", "pt"), ("european portuguese", "pt"),
        ("spanish (spain)", "es"), ("castilian spanish", "es"), ("spanish (castilian)", "es"), ("european spanish", "es"),
        ("spanish (mexico)", "es-419"), ("french (france)", "fr"),
        ("chinese (china)", "zh-Hans"), ("chinese (taiwan)", "zh-Hant"), ("chinese (hong kong)", "zh-Hant"),
    ];

    /// <summary>639-1, 639-2/T, 639-2/B and retired codes (lower case) to the base language tag.</summary>
    public static IReadOnlyDictionary<string, string> LanguageByCode { get; }

    /// <summary>Folded English names and odd whole tags to canonical tags.</summary>
    public static IReadOnlyDictionary<string, string> CanonicalByWholeInput { get; }

    public static IReadOnlyDictionary<string, CanonicalLanguage> ByCanonicalTag { get; }

    /// <summary>Every canonical tag, in table order, each variant right after its language.</summary>
    public static IReadOnlyList<string> CanonicalTags { get; }

    static LanguageIndex()
    {
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        var byInput = new Dictionary<string, string>(StringComparer.Ordinal);
        var byTag = new Dictionary<string, CanonicalLanguage>(StringComparer.OrdinalIgnoreCase);
        var tags = new List<string>();

        foreach (var entry in LanguageTable.Entries)
        {
            if (entry.Iso6391 is not null)
            {
                byCode.TryAdd(entry.Iso6391, entry.Tag);
            }

            byCode.TryAdd(entry.Iso6392T, entry.Tag);
            byCode.TryAdd(entry.Iso6392B, entry.Tag);

            var defaultTag = LanguageVariants.Resolve(entry.Tag, script: null, region: null);
            foreach (var name in entry.Names)
            {
                byInput.TryAdd(Fold(name), defaultTag);
            }

            if (!LanguageVariants.DefaultForBareLanguage.ContainsKey(entry.Tag))
            {
                byTag.Add(entry.Tag, new CanonicalLanguage(entry.Tag, entry, entry.Names[0], entry.Script));
                tags.Add(entry.Tag);
            }

            foreach (var variant in LanguageVariants.All.Where(v => v.BaseLanguage == entry.Tag))
            {
                byTag.Add(variant.Tag, new CanonicalLanguage(variant.Tag, entry, variant.DisplayName, variant.Script));
                tags.Add(variant.Tag);
                foreach (var name in variant.Names)
                {
                    byInput.TryAdd(Fold(name), variant.Tag);
                }
            }
        }

        foreach (var (code, language) in RetiredCodes)
        {
            byCode.TryAdd(code, language);
        }

        foreach (var (input, canonical) in OddTags)
        {
            byInput.TryAdd(input, canonical);
        }

        LanguageByCode = byCode;
        CanonicalByWholeInput = byInput;
        ByCanonicalTag = byTag;
        CanonicalTags = tags;
    }

    /// <summary>Lower case, '_' as '-', single spaces, no diacritics: "  Norwegian  Bokmål" -> "norwegian bokmal".</summary>
    public static string Fold(string input)
    {
        var decomposed = input.Trim().Replace('_', '-').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                folded.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return folded.ToString();
    }
}

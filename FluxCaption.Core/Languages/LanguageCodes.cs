namespace FluxCaption.Core.Languages;

/// <summary>
/// The one language normaliser. Every language code that enters FluxCaption (API input, Jellyfin
/// and ffmpeg stream tags, file names, BCP-47 tags from users) goes through here and comes out as
/// one canonical BCP-47 tag.
/// </summary>
/// <remarks>
/// The canonical tag is the ISO 639-1 code in lower case ("en", "de"), or the ISO 639-2 code for
/// the few languages without one ("fil"). Region and script subtags are dropped, because the
/// written language we translate to does not change with them (en-US, en-GB -> "en"; pt-PT -> "pt";
/// es-ES -> "es"), except for the variants whose subtitles differ, which stay distinct tags:
/// "zh-Hans" and "zh-Hant" (Chinese is never bare; without a script it is Simplified unless the
/// region is TW, HK or MO), "pt-BR", "es-419" (Latin American Spanish, from es-MX, es-AR... es-US
/// and es-419), "fr-CA", "sr-Cyrl" and "sr-Latn" (Serbian without a script is Cyrillic, as CLDR has it).
/// "und", "mul", "zxx" and "mis" are not languages to translate: <see cref="TryNormalize"/> refuses
/// them and <see cref="IsUndetermined"/> recognises them. See docs/languages.md.
/// </remarks>
public static class LanguageCodes
{
    /// <summary>The BCP-47 tag for "not known": what a job's source language is when nobody said it.</summary>
    public const string Undetermined = "und";

    private static readonly HashSet<string> UndeterminedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "und", "mul", "zxx", "mis", "undetermined", "unknown", "undefined",
    };

    /// <summary>Every canonical tag FluxCaption knows, each variant right after its language.</summary>
    public static IReadOnlyList<string> CanonicalTags => LanguageIndex.CanonicalTags;

    /// <summary>Canonical tag for <paramref name="input"/> ("eng" -> "en", "chi" -> "zh-Hans"...), or false when unknown.</summary>
    public static bool TryNormalize(string? input, out string canonical)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var folded = LanguageIndex.Fold(input);
        if (LanguageIndex.CanonicalByWholeInput.TryGetValue(folded, out var known))
        {
            canonical = known;
            return true;
        }

        if (TryNameWithQualifier(folded, out canonical))
        {
            return true;
        }

        if (!LanguageTagParser.TryParse(folded, out var tag)
            || !LanguageIndex.LanguageByCode.TryGetValue(tag.Language, out var language))
        {
            return false;
        }

        canonical = LanguageVariants.Resolve(language, tag.Script, tag.Region);
        return true;
    }

    /// <summary>Canonical tag, or an <see cref="ArgumentException"/> naming the code that is not a language.</summary>
    public static string Normalize(string input) =>
        TryNormalize(input, out var canonical)
            ? canonical
            : throw new ArgumentException($"'{input}' is not a language code FluxCaption knows.", nameof(input));

    /// <summary>
    /// Language of a sidecar subtitle from its name ("Movie.chi.forced.srt" -> "zh-Hans",
    /// "Movie.pt-BR.srt" -> "pt-BR"); false when the name carries none. Flags such as forced, sdh,
    /// cc and default are skipped; the first part of the name (the title) is never read as a language.
    /// </summary>
    public static bool TryNormalizeFileName(string? path, out string canonical) =>
        FileNameLanguage.TryRead(path, out canonical);

    /// <summary>
    /// True for tags that say "no particular language" (und, mul, zxx, mis) and for a missing tag:
    /// a track marked so can be a source only when the user names its language.
    /// </summary>
    public static bool IsUndetermined(string? input) =>
        string.IsNullOrWhiteSpace(input) || UndeterminedTags.Contains(input.Trim());

    /// <summary>English name for prompts and the UI ("zh-Hans" -> "Chinese (Simplified)"); unknown input comes back as given.</summary>
    public static string DisplayName(string canonical)
    {
        if (TryNormalize(canonical, out var tag))
        {
            return LanguageIndex.ByCanonicalTag[tag].DisplayName;
        }

        return canonical?.Trim().ToLowerInvariant() switch
        {
            "und" => "Undetermined",
            "mul" => "Multiple languages",
            "zxx" => "No linguistic content",
            _ => canonical ?? "",
        };
    }

    /// <summary>ISO 639-2/T code, as Jellyfin stores it ("fr" -> "fra", "zh-Hant" -> "zho", "pt-BR" -> "por").</summary>
    public static string ToIso6392T(string canonical) => Find(canonical).Language.Iso6392T;

    /// <summary>ISO 639-2/B code, as ffmpeg and Matroska write it ("fr" -> "fre", "zh-Hans" -> "chi").</summary>
    public static string ToIso6392B(string canonical) => Find(canonical).Language.Iso6392B;

    /// <summary>ISO 639-1 language part ("zh-Hant" -> "zh", "pt-BR" -> "pt"), or null for a language without one ("fil").</summary>
    public static string? ToIso6391(string canonical) => Find(canonical).Language.Iso6391;

    /// <summary>How the language is written: for line length limits and right-to-left marks.</summary>
    public static LanguageScript Script(string canonical) => Find(canonical).Script;

    /// <summary>
    /// Whether a subtitle in <paramref name="available"/> satisfies a user who wants <paramref name="wanted"/>.
    /// A tag covers itself. A bare language is covered by any of its regional variants (someone who
    /// wants "es" reads es-419 subtitles), but a variant is covered only by itself: "pt" does not
    /// cover "pt-BR", "es" does not cover "es-419", and scripts never cover each other (zh-Hans and
    /// zh-Hant, sr-Latn and sr-Cyrl). Unknown or undetermined input covers nothing.
    /// </summary>
    public static bool Covers(string? available, string? wanted)
    {
        if (!TryNormalize(available, out var have) || !TryNormalize(wanted, out var want))
        {
            return false;
        }

        if (have == want)
        {
            return true;
        }

        var wantedLanguage = LanguageIndex.ByCanonicalTag[want].Language;
        return want == wantedLanguage.Tag && LanguageIndex.ByCanonicalTag[have].Language == wantedLanguage;
    }

    // "English (United States)", "German (Austria)": the qualifier does not change the written
    // language, except for languages whose variants we keep apart, which must be named exactly.
    private static bool TryNameWithQualifier(string folded, out string canonical)
    {
        canonical = "";
        var open = folded.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !folded.EndsWith(')')
            || !LanguageIndex.CanonicalByWholeInput.TryGetValue(folded[..open], out var language)
            || !LanguageIndex.ByCanonicalTag.TryGetValue(language, out var known)
            || LanguageVariants.All.Any(v => v.BaseLanguage == known.Language.Tag))
        {
            return false;
        }

        canonical = language;
        return true;
    }

    private static CanonicalLanguage Find(string canonical) =>
        TryNormalize(canonical, out var tag)
            ? LanguageIndex.ByCanonicalTag[tag]
            : throw new ArgumentException($"'{canonical}' is not a language code FluxCaption knows.", nameof(canonical));
}

namespace FluxCaption.Core.Languages;

/// <summary>A regional or script variant kept as its own canonical tag, because subtitles differ.</summary>
internal sealed record LanguageVariant(
    string Tag,
    string BaseLanguage,
    string DisplayName,
    LanguageScript Script,
    IReadOnlyList<string> Names);

/// <summary>
/// The only variants FluxCaption keeps apart, and how a script or region subtag leads to them.
/// Every other script or region subtag is dropped: en-US and en-GB subtitles are read the same way.
/// </summary>
internal static class LanguageVariants
{
    public static IReadOnlyList<LanguageVariant> All { get; } =
    [
        new("zh-Hans", "zh", "Chinese (Simplified)", LanguageScript.Cjk,
            ["Chinese (Simplified)", "Simplified Chinese", "Chinese Simplified", "Chinese, Simplified"]),
        new("zh-Hant", "zh", "Chinese (Traditional)", LanguageScript.Cjk,
            ["Chinese (Traditional)", "Traditional Chinese", "Chinese Traditional", "Chinese, Traditional"]),
        new("pt-BR", "pt", "Portuguese (Brazil)", LanguageScript.Latin,
            ["Portuguese (Brazil)", "Brazilian Portuguese", "Portuguese (Brazilian)", "Portuguese, Brazilian", "Brazilian"]),
        new("es-419", "es", "Spanish (Latin America)", LanguageScript.Latin,
            ["Spanish (Latin America)", "Latin American Spanish", "Spanish (Latin American)", "Spanish, Latin American"]),
        new("fr-CA", "fr", "French (Canada)", LanguageScript.Latin,
            ["French (Canada)", "Canadian French", "French (Canadian)", "French, Canadian"]),
        new("sr-Cyrl", "sr", "Serbian (Cyrillic)", LanguageScript.Cyrillic,
            ["Serbian (Cyrillic)", "Serbian Cyrillic"]),
        new("sr-Latn", "sr", "Serbian (Latin)", LanguageScript.Latin,
            ["Serbian (Latin)", "Serbian Latin"]),
    ];

    /// <summary>Languages that are never canonical bare: the script matters and has a default.</summary>
    public static IReadOnlyDictionary<string, string> DefaultForBareLanguage { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["zh"] = "zh-Hans",
            ["sr"] = "sr-Cyrl",
        };

    private static readonly HashSet<string> LatinAmericanRegions = new(StringComparer.OrdinalIgnoreCase)
    {
        "419", "MX", "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "NI", "PA",
        "PY", "PE", "PR", "UY", "VE", "US",
    };

    private static readonly HashSet<string> TraditionalChineseRegions = new(StringComparer.OrdinalIgnoreCase)
    {
        "TW", "HK", "MO",
    };

    /// <summary>Canonical tag for a base language (639-1 or 639-2-only tag) with optional script and region subtags.</summary>
    public static string Resolve(string language, string? script, string? region) => language switch
    {
        "zh" when Is(script, "Hant") => "zh-Hant",
        "zh" when Is(script, "Hans") => "zh-Hans",
        "zh" when region is not null && TraditionalChineseRegions.Contains(region) => "zh-Hant",
        "zh" => "zh-Hans",
        "sr" when Is(script, "Latn") => "sr-Latn",
        "sr" => "sr-Cyrl",
        "pt" when Is(region, "BR") => "pt-BR",
        "es" when region is not null && LatinAmericanRegions.Contains(region) => "es-419",
        "fr" when Is(region, "CA") => "fr-CA",
        _ => language,
    };

    private static bool Is(string? subtag, string expected) =>
        string.Equals(subtag, expected, StringComparison.OrdinalIgnoreCase);
}

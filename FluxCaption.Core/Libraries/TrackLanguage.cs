using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Libraries;

/// <summary>
/// The canonical language of a track from what a source reports. Containers and Jellyfin carry only
/// three-letter codes ("chi", "srp"), which say nothing about the script; the track title often does
/// ("Chinese (Traditional)", "繁體中文", "Srpski latinica"), so the title decides the script.
/// </summary>
public static class TrackLanguage
{
    private static readonly string[] TraditionalMarkers = ["traditional", "hant", "cht", "big5", "繁", "taiwan", "hong kong", "正體"];
    private static readonly string[] SimplifiedMarkers = ["simplified", "hans", "chs", "gb2312", "简"];
    private static readonly string[] LatinMarkers = ["latin", "latn", "latinica"];
    private static readonly string[] CyrillicMarkers = ["cyrillic", "cyrl", "ћирилица", "cirilica", "ćirilica"];

    /// <summary>Canonical tag, or <see cref="LanguageCodes.Undetermined"/> when neither the tag nor the title names a language.</summary>
    public static string Resolve(string? rawLanguage, string? title)
    {
        if (!LanguageCodes.TryNormalize(rawLanguage, out var language) || LanguageCodes.IsUndetermined(language))
        {
            // An untagged track titled "English" or "Français" still says what it is.
            if (!LanguageCodes.TryNormalize(title, out language) || LanguageCodes.IsUndetermined(language))
            {
                return LanguageCodes.Undetermined;
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return language;
        }

        var folded = title.ToLowerInvariant();
        return LanguageCodes.ToIso6391(language) switch
        {
            "zh" when Mentions(folded, TraditionalMarkers) => "zh-Hant",
            "zh" when Mentions(folded, SimplifiedMarkers) => "zh-Hans",
            "sr" when Mentions(folded, CyrillicMarkers) => "sr-Cyrl",
            "sr" when Mentions(folded, LatinMarkers) => "sr-Latn",
            _ => language,
        };
    }

    private static bool Mentions(string folded, string[] markers) =>
        markers.Any(marker => folded.Contains(marker, StringComparison.Ordinal));
}

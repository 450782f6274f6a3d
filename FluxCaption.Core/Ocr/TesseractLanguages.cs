using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// FluxCaption's canonical BCP-47 tags to Tesseract's trained-data names, and the Debian package that brings each.
/// Tesseract mostly names languages by ISO 639-2/T (fra, deu, ces); the exceptions are the script variants and a
/// few macrolanguages.
/// </summary>
public static class TesseractLanguages
{
    public const string English = "eng";

    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-Hans"] = "chi_sim",
        ["zh-Hant"] = "chi_tra",
        ["sr-Cyrl"] = "srp",
        ["sr-Latn"] = "srp_latn",
        ["pt-BR"] = "por",
        ["es-419"] = "spa",
        ["fr-CA"] = "fra",
        ["nb"] = "nor",
        ["nn"] = "nor",
        ["no"] = "nor",
        ["ku"] = "kmr",
        ["tl"] = "fil",
    };

    // Every language Debian ships a tesseract-ocr-<code> package for (script and vertical models left out).
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "afr", "amh", "ara", "asm", "aze", "aze_cyrl", "bel", "ben", "bod", "bos", "bre", "bul", "cat", "ceb", "ces",
        "chi_sim", "chi_tra", "chr", "cos", "cym", "dan", "deu", "div", "dzo", "ell", "eng", "enm", "epo", "est", "eus",
        "fao", "fas", "fil", "fin", "fra", "frk", "frm", "fry", "gla", "gle", "glg", "grc", "guj", "hat", "heb", "hin",
        "hrv", "hun", "hye", "iku", "ind", "isl", "ita", "jav", "jpn", "kan", "kat", "kaz", "khm", "kir", "kmr", "kor",
        "lao", "lat", "lav", "lit", "ltz", "mal", "mar", "mkd", "mlt", "mon", "mri", "msa", "mya", "nep", "nld", "nor",
        "oci", "ori", "pan", "pol", "por", "pus", "que", "ron", "rus", "san", "sin", "slk", "slv", "snd", "spa", "sqi",
        "srp", "srp_latn", "sun", "swa", "swe", "syr", "tam", "tat", "tel", "tgk", "tha", "tir", "ton", "tur", "uig",
        "ukr", "urd", "uzb", "uzb_cyrl", "vie", "yid", "yor",
    };

    /// <summary>Tesseract's name for the language of <paramref name="language"/> (any code LanguageCodes reads), or null when Tesseract has none.</summary>
    public static string? ForLanguage(string? language)
    {
        if (!LanguageCodes.TryNormalize(language, out var canonical))
        {
            return null;
        }

        var code = Exceptions.TryGetValue(canonical, out var exception) ? exception : LanguageCodes.ToIso6392T(canonical);
        return Known.Contains(code) ? code : null;
    }

    /// <summary>The Debian/Ubuntu package holding <paramref name="tesseractCode"/>'s trained data (chi_sim -> tesseract-ocr-chi-sim).</summary>
    public static string DebianPackage(string tesseractCode) => "tesseract-ocr-" + tesseractCode.Replace('_', '-');
}

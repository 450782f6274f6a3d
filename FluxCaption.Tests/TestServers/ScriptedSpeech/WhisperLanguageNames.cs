namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>Whisper's language codes, and the English names OpenAI and whisper.cpp answer with for the ones the tests use.</summary>
internal static class WhisperLanguageNames
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "af", "am", "ar", "as", "az", "ba", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "es",
        "et", "eu", "fa", "fi", "fo", "fr", "gl", "gu", "ha", "haw", "he", "hi", "hr", "ht", "hu", "hy", "id", "is", "it", "ja",
        "jw", "ka", "kk", "km", "kn", "ko", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml", "mn", "mr", "ms", "mt",
        "my", "ne", "nl", "nn", "no", "oc", "pa", "pl", "ps", "pt", "ro", "ru", "sa", "sd", "si", "sk", "sl", "sn", "so", "sq",
        "sr", "su", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "uk", "ur", "uz", "vi", "yi", "yo", "zh", "yue",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["en"] = "english", ["fr"] = "french", ["de"] = "german", ["es"] = "spanish", ["pt"] = "portuguese",
        ["zh"] = "chinese", ["ja"] = "japanese", ["jw"] = "javanese", ["nl"] = "dutch", ["it"] = "italian",
    };

    public static string Name(string code) => Names.TryGetValue(code, out var name) ? name : code;
}

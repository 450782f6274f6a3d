using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// Between our canonical tags and the language codes Whisper servers take and return. Whisper uses ISO
/// 639-1 codes with a few exceptions of its own ("jw" for Javanese, "haw", "yue"); replies name the
/// language by code ("en": speaches, whisper-asr-webservice) or by lower-case English name ("english":
/// OpenAI, whisper.cpp server), and both come back as canonical tags.
/// </summary>
internal static class WhisperLanguages
{
    // Whisper's codes that are not the ISO 639-1 code of the language.
    private static readonly Dictionary<string, string> ToWhisper = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jv"] = "jw",
        ["fil"] = "tl",
    };

    private static readonly Dictionary<string, string> FromWhisper = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jw"] = "jv",
    };

    // Languages Whisper knows that have no ISO 639-1 code.
    private static readonly HashSet<string> ThreeLetterCodes = new(StringComparer.OrdinalIgnoreCase) { "haw", "yue" };

    /// <summary>The code to send for <paramref name="language"/>; null when no language is given (the server detects it).</summary>
    public static string? ToRequestCode(string? language)
    {
        if (string.IsNullOrWhiteSpace(language) || LanguageCodes.IsUndetermined(language))
        {
            return null;
        }

        if (!LanguageCodes.TryNormalize(language, out var canonical))
        {
            throw Unsupported(language);
        }

        if (ToWhisper.TryGetValue(canonical, out var special))
        {
            return special;
        }

        var code = LanguageCodes.ToIso6391(canonical);
        if (code is not null)
        {
            return code;
        }

        var threeLetter = LanguageCodes.ToIso6392T(canonical);
        return ThreeLetterCodes.Contains(threeLetter) ? threeLetter : throw Unsupported(language);
    }

    /// <summary>The canonical tag of a reply's language (code or name); null when absent or not a language we know.</summary>
    public static string? ToCanonical(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        var value = reply.Trim();
        if (FromWhisper.TryGetValue(value, out var mapped))
        {
            value = mapped;
        }

        return LanguageCodes.TryNormalize(value, out var canonical) ? canonical : null;
    }

    private static SpeechRecognitionException Unsupported(string language) =>
        new(HttpSpeechErrorCodes.LanguageUnsupported, $"Whisper has no language code for '{language}'; choose the source language among Whisper's languages or leave it to detection.", false);
}

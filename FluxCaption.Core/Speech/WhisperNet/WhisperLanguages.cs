using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>Between FluxCaption's canonical BCP-47 tags and the language codes whisper uses.</summary>
internal static class WhisperLanguages
{
    private static readonly HashSet<string> Supported = new(Whisper.net.WhisperFactory.GetSupportedLanguages(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whisper's code for <paramref name="language"/>, or an error naming a language whisper does not know.</summary>
    public static string ToWhisper(string language)
    {
        if (!LanguageCodes.TryNormalize(language, out var canonical))
        {
            throw new SpeechRecognitionException("speech_language_unsupported", $"'{language}' is not a language code FluxCaption knows.", isTransient: false);
        }

        var code = LanguageCodes.ToIso6391(canonical) ?? canonical.Split('-')[0];

        // Whisper kept the old code for Javanese.
        code = code == "jv" ? "jw" : code;
        return Supported.Contains(code)
            ? code
            : throw new SpeechRecognitionException(
                "speech_language_unsupported",
                $"Whisper does not transcribe {LanguageCodes.DisplayName(canonical)} ({canonical}); leave the language empty to let it detect one, or choose another engine.",
                isTransient: false);
    }

    /// <summary>The canonical tag of a language whisper reported, or null when it reported none FluxCaption knows.</summary>
    public static string? ToCanonical(string? whisperCode)
    {
        if (string.IsNullOrWhiteSpace(whisperCode) || whisperCode == "auto")
        {
            return null;
        }

        return LanguageCodes.TryNormalize(whisperCode == "jw" ? "jv" : whisperCode, out var canonical) ? canonical : null;
    }
}

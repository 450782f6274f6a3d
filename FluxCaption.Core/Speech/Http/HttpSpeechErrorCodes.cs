namespace FluxCaption.Core.Speech.Http;

/// <summary>The <see cref="SpeechRecognitionException.Code"/> values the HTTP engines throw.</summary>
public static class HttpSpeechErrorCodes
{
    /// <summary>Connection refused, reset or dropped, or the circuit breaker is open. Transient.</summary>
    public const string Unreachable = "speech_engine_unreachable";

    /// <summary>No answer within the attempt or total timeout. Transient.</summary>
    public const string Timeout = "speech_timeout";

    /// <summary>5xx, 408 or 429 still failing after the retries. Transient.</summary>
    public const string EngineError = "speech_engine_error";

    /// <summary>401 or 403: the key is wrong or missing. Not transient.</summary>
    public const string Unauthorized = "speech_engine_unauthorized";

    /// <summary>The server refused the request (400, 404, 413, 415, 422, an "error" object in a 200). Not transient.</summary>
    public const string Rejected = "speech_request_rejected";

    /// <summary>The reply is not the JSON the protocol promises. Not transient.</summary>
    public const string BadReply = "speech_bad_reply";

    /// <summary>The window's file is not a PCM WAV. Not transient.</summary>
    public const string BadAudio = "speech_bad_audio";

    /// <summary>The language has no Whisper code. Not transient.</summary>
    public const string LanguageUnsupported = "speech_language_unsupported";
}

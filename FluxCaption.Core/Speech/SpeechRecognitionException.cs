namespace FluxCaption.Core.Speech;

/// <summary>
/// A speech engine could not transcribe; the message is for the user and names the engine, the
/// model or the file to place where.
/// </summary>
/// <param name="code">Machine-readable reason, e.g. speech_model_missing, speech_engine_unreachable, speech_engine_error, speech_bad_reply, speech_timeout.</param>
/// <param name="isTransient">True when trying again later may work (timeouts, 5xx, connection refused); the job is retried, not failed.</param>
public sealed class SpeechRecognitionException(string code, string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public bool IsTransient { get; } = isTransient;
}

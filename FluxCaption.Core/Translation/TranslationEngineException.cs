namespace FluxCaption.Core.Translation;

/// <summary>
/// A translation that cannot start or go on for a reason retrying will not fix: the job names an
/// engine nobody registered (<c>engine_unknown</c>), a language pair the engine lacks (<c>pair_unsupported</c>),
/// or an engine whose first batches all came back unusable (<c>engine_unusable</c>).
/// </summary>
public sealed class TranslationEngineException : Exception
{
    public const string EngineUnknown = "engine_unknown";
    public const string PairUnsupported = "pair_unsupported";
    public const string EngineUnusable = "engine_unusable";

    public TranslationEngineException()
        : this("translation_failed", "Translation failed.")
    {
    }

    public TranslationEngineException(string message)
        : this("translation_failed", message)
    {
    }

    public TranslationEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "translation_failed";
    }

    public TranslationEngineException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Stable machine-readable reason, stored as the job's error code.</summary>
    public string Code { get; }
}

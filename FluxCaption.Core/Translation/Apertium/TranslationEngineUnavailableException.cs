namespace FluxCaption.Core.Translation.Apertium;

/// <summary>
/// The engine cannot translate at all here: its program is missing, or the language pair is not
/// installed. Retrying will not help; another engine of the job's fallback chain might.
/// </summary>
public sealed class TranslationEngineUnavailableException : Exception
{
    public TranslationEngineUnavailableException(string engine, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Engine = engine;
    }

    public string Engine { get; }
}

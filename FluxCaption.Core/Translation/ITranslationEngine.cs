namespace FluxCaption.Core.Translation;

/// <summary>
/// One machine-translation backend (Ollama, an OpenAI-compatible endpoint, Apertium...). It receives
/// segments whose markup has already been replaced by placeholder tokens and must return exactly one
/// translation per segment id; the caller validates and recovers from anything else.
/// </summary>
public interface ITranslationEngine
{
    /// <summary>The engine name a job asks for ("ollama", "apertium", ...), lower case.</summary>
    string Name { get; }

    /// <summary>Whether the engine can translate this pair at all (Apertium has fixed pairs).</summary>
    bool Supports(string sourceLanguage, string targetLanguage);

    /// <summary>
    /// Whether the engine can revise its own drafts (<see cref="TranslationBatch.Drafts"/>): true for
    /// the LLM engines; a rule-based engine would only translate the source again.
    /// </summary>
    bool CanProofread => false;

    /// <summary>The model a batch without one is sent to (tags metrics); null for engines without models.</summary>
    string? DefaultModel => null;

    /// <summary>
    /// Whether the engine's requests are paid in model tokens (the LLM engines): then a job's estimate
    /// and spending count tokens, and its ceiling holds tokens as well as requests.
    /// </summary>
    bool UsesTokens => false;

    /// <summary>What a million tokens cost on this engine, where the user set prices; null costs nothing.</summary>
    TokenPrice? Price => null;

    Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken);
}

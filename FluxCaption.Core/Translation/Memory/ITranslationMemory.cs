namespace FluxCaption.Core.Translation.Memory;

/// <summary>
/// Remembered translations of whole lines, keyed by the hash of the normalised protected source text
/// (see <see cref="TranslationMemoryKey"/>) within one <see cref="TranslationMemoryScope"/>. Texts carry
/// placeholders (⟦1⟧), never document markup, so one entry serves SRT, ASS and WebVTT alike.
/// </summary>
public interface ITranslationMemory
{
    /// <summary>One round trip for all hashes; returns hash to remembered line for those it knows, and counts the hits.</summary>
    Task<IReadOnlyDictionary<string, RememberedLine>> LookupAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<string> sourceHashes,
        CancellationToken cancellationToken);

    /// <summary>Stores or replaces the translations in one round trip; safe when several jobs store the same line at once.</summary>
    Task StoreAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<TranslationMemoryItem> items,
        CancellationToken cancellationToken);
}

/// <summary>What a translation is only valid for: the language pair and the engine and model that made it ("" = engine default).</summary>
public sealed record TranslationMemoryScope(string SourceLanguage, string TargetLanguage, string Engine, string Model);

/// <summary>
/// A normalised source text, its hash and its translation, all with placeholders. With a
/// <see cref="KeptReason"/> it records that the line was kept in its source (TargetText is then the source).
/// </summary>
public sealed record TranslationMemoryItem(string SourceHash, string SourceText, string TargetText)
{
    public string? KeptReason { get; init; }
}

/// <summary>What the memory knows of a line: its translation, or (with a <see cref="KeptReason"/>) that it stays in its source and why.</summary>
public sealed record RememberedLine(string TargetText, string? KeptReason = null);

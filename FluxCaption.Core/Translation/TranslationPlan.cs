namespace FluxCaption.Core.Translation;

/// <summary>The batches to send in file order, and what is already known before any is sent.</summary>
internal sealed record TranslationPlan(
    IReadOnlyList<IReadOnlyList<TranslationUnit>> Batches,
    IReadOnlyList<int> TranslatableCues,
    IReadOnlyDictionary<int, string> Resumed);

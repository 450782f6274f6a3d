namespace FluxCaption.Core.Translation;

/// <summary>
/// What one engine request carries. Languages are canonical BCP-47 tags from
/// <see cref="Languages.LanguageCodes"/>; <see cref="Model"/> is null for the engine's default.
/// </summary>
public sealed record TranslationBatch(
    string SourceLanguage,
    string TargetLanguage,
    string? Model,
    IReadOnlyList<TranslationSegment> Segments,
    IReadOnlyList<ContextLine> PrecedingContext,
    IReadOnlyList<string> FollowingContext,
    string? Title = null)
{
    /// <summary>
    /// Set when this batch is asked again because the previous reply was unusable: what was wrong
    /// with it ("id 12: placeholder ⟦1⟧ missing"), so the engine can tell the model. Null on a first ask.
    /// </summary>
    public IReadOnlyList<string>? PreviousErrors { get; init; }

    /// <summary>
    /// Glossary terms that occur in this batch's segments: the engine must put them in front of the
    /// model, and each line containing a source term must contain its target term. Empty when none apply.
    /// </summary>
    public IReadOnlyList<Glossary.GlossaryTerm> Glossary { get; init; } = [];

    /// <summary>
    /// Set for a proofreading request: the current translation of each segment (same ids, same
    /// placeholders). The engine returns corrected translations in the usual shape, one per id; a line
    /// that needs no change comes back as it is. Null for an ordinary translation request.
    /// </summary>
    public IReadOnlyList<TranslatedSegment>? Drafts { get; init; }
}

/// <summary>A line to translate: a stable id (the cue's position) and protected text.</summary>
public sealed record TranslationSegment(string Id, string Text);

/// <summary>A line from before the batch with its translation, to keep names and tone consistent.</summary>
public sealed record ContextLine(string Source, string Translation);

/// <summary>An engine's answer for one segment id.</summary>
public sealed record TranslatedSegment(string Id, string Text);

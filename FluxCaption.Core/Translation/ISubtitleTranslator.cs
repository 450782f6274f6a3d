using FluxCaption.Contracts;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Translation;

/// <summary>
/// Translates a whole subtitle document: plans batches, protects markup, calls the job's engine,
/// validates and recovers, and reports each finished batch so the caller can checkpoint it.
/// Cue positions (indexes into <see cref="SubtitleDocument.Cues"/>) are the ids throughout.
/// </summary>
public interface ISubtitleTranslator
{
    Task<SubtitleTranslationResult> TranslateAsync(
        SubtitleTranslationRequest request,
        Func<TranslatedBatchReport, CancellationToken, Task> onBatchCompleted,
        CancellationToken cancellationToken);
}

/// <param name="Document">The source document; it is not modified.</param>
/// <param name="CompletedCues">Cue index to translated text (document markup) from an earlier checkpoint; these are not sent again.</param>
public sealed record SubtitleTranslationRequest(
    SubtitleDocument Document,
    string SourceLanguage,
    string TargetLanguage,
    string Engine,
    string? Model,
    IReadOnlyDictionary<int, string> CompletedCues,
    string? Title = null)
{
    /// <summary>The job's own glossary; merged with the global one for the pair, the job's terms winning.</summary>
    public IReadOnlyList<Glossary.GlossaryTerm>? Glossary { get; init; }

    /// <summary>After translating, ask the engine once per batch to proofread its lines (LLM engines only).</summary>
    public bool Proofread { get; init; }

    /// <summary>Engines to try, in order, for the lines <see cref="Engine"/> cannot translate; null or empty for none.</summary>
    public IReadOnlyList<Engines.EngineChoice>? Fallback { get; init; }

    /// <summary>Cues an earlier attempt kept in the source on purpose (after every engine failed them): not sent again.</summary>
    public IReadOnlySet<int>? KeptSourceCues { get; init; }

    /// <summary>
    /// Ask again for the lines kept in the source before, whether <see cref="KeptSourceCues"/> or the
    /// translation memory holds that decision (their old kept_source warnings are dropped); the new
    /// outcome replaces the remembered one.
    /// </summary>
    public bool RetranslateKept { get; init; }

    /// <summary>The earlier attempts' warnings, carried into this attempt's result.</summary>
    public IReadOnlyList<TranslationWarning>? EarlierWarnings { get; init; }

    /// <summary>
    /// Called once, before the first request, with what this translation should cost with the job's own
    /// engine (the lines left after the checkpoint and the translation memory); the ceiling is drawn from it.
    /// </summary>
    public Func<JobBudgetFigures, CancellationToken, Task>? OnEstimated { get; init; }
}

/// <summary>A batch that just finished: its cues' translations and how far the whole document is.</summary>
public sealed record TranslatedBatchReport(
    IReadOnlyDictionary<int, string> Cues,
    int CompletedCueCount,
    int TotalCueCount)
{
    /// <summary>The warnings decided for this batch's cues (kept in the source, translated by a fallback engine...).</summary>
    public IReadOnlyList<TranslationWarning> Warnings { get; init; } = [];

    /// <summary>What this translation has spent so far, every engine of the chain together.</summary>
    public JobBudgetFigures Spent { get; init; } = JobBudgetFigures.None;
}

/// <summary>The translated copy of the document (same cues, same timings) and anything the user must know.</summary>
public sealed record SubtitleTranslationResult(
    SubtitleDocument Document,
    IReadOnlyList<TranslationWarning> Warnings)
{
    /// <summary>Warnings about the whole document rather than one cue (e.g. the proofreading pass was skipped).</summary>
    public IReadOnlyList<DocumentWarning> DocumentWarnings { get; init; } = [];

    /// <summary>What the whole translation spent (proofreading included), every engine of the chain together.</summary>
    public JobBudgetFigures Spent { get; init; } = JobBudgetFigures.None;
}

/// <summary>A cue that kept its source text or was otherwise not translated as asked, and why.</summary>
public sealed record TranslationWarning(int CueIndex, string Code, string Message)
{
    /// <summary>For a <c>fallback_engine</c> warning: the engine that really translated the cue (its post-processing follows that engine).</summary>
    public string? Engine { get; init; }
}

/// <summary>Something about the whole translation the user must know, with no one cue to point at.</summary>
public sealed record DocumentWarning(string Code, string Message);

using System.Collections.Concurrent;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Core.Translation.Memory;

namespace FluxCaption.Core.Translation;

/// <summary>The state one TranslateAsync call shares between its batches (which may run in parallel).</summary>
internal sealed class TranslationRun(
    SubtitleTranslationRequest request,
    ITranslationEngine engine,
    string sourceLanguage,
    string targetLanguage,
    TranslationPlan plan,
    ConcurrentDictionary<int, string>? known = null)
{
    private readonly ConcurrentBag<TranslationWarning> _warnings = [];

    public SubtitleTranslationRequest Request { get; } = request;

    public ITranslationEngine Engine { get; } = engine;

    public string SourceLanguage { get; } = sourceLanguage;

    public string TargetLanguage { get; } = targetLanguage;

    public TranslationPlan Plan { get; } = plan;

    public SubtitleFormat Format => Request.Document.Format;

    /// <summary>The global terms of the pair merged with the job's.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];

    /// <summary>Where this run's translations are remembered: pair, engine and model ("" = the engine's default).</summary>
    public TranslationMemoryScope MemoryScope => new(SourceLanguage, TargetLanguage, Engine.Name, Model?.Trim() ?? "");

    /// <summary>The model asked of <see cref="Engine"/>: the job's for its own engine, a fallback entry's for that one.</summary>
    public string? Model { get; init; } = request.Model;

    /// <summary>The model to tag this run's engine measurements with: the one asked for, else the engine's default (null for Apertium).</summary>
    public string? MeasuredModel => string.IsNullOrWhiteSpace(Model) ? Engine.DefaultModel : Model.Trim();

    /// <summary>The spending guard of <see cref="Engine"/> on this document; null for requests no ceiling applies to (proofreading).</summary>
    public Budget.EngineGuard? Guard { get; init; }

    public bool LanguagesDiffer { get; } = !string.Equals(sourceLanguage, targetLanguage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Cue index to final text (document markup), from the checkpoint and from finished batches.</summary>
    public ConcurrentDictionary<int, string> Known { get; } = known ?? new(plan.Resumed);

    public IEnumerable<TranslationWarning> Warnings => _warnings;

    public void Warn(int cueIndex, string code, string message)
    {
        _warnings.Add(new TranslationWarning(cueIndex, code, message));
        TranslationTelemetry.Cues.Add(1, new KeyValuePair<string, object?>("outcome", code));
    }

    /// <summary>Records a warning decided elsewhere (by one engine's attempt, or by an earlier attempt of the job).</summary>
    public void Keep(TranslationWarning warning) => _warnings.Add(warning);

    /// <summary>
    /// The same document, known cues and glossary, asked of another engine of the chain. Its warnings
    /// are its own: a line one engine gave up on is not a warning when the next engine translates it.
    /// </summary>
    public TranslationRun For(ITranslationEngine engine, string? model, Budget.EngineGuard? guard) =>
        new(Request, engine, SourceLanguage, TargetLanguage, Plan, Known) { Glossary = Glossary, Model = model, Guard = guard };
}

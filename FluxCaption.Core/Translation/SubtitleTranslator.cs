using System.Diagnostics;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Budget;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Fallback;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Core.Translation.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation;

/// <summary>
/// Translates a document batch by batch through the engine the job names, then its fallback chain
/// for whatever that engine could not translate (see TranslateThroughChainAsync). From a reply that
/// answers every id once, the sound lines are kept and only the bad ones (untranslated, overlong, damaged
/// placeholders) are asked again; a reply with ids missing or doubled is asked again whole; what still
/// fails is split down to single cues (see TranslateUnitsAsync). A cue that still fails keeps its source
/// text with a warning, and that decision is remembered (and when the first batches all fail, the engine
/// is declared unusable instead). An exception from the last usable
/// engine of the chain is never turned into a warning: by the time one arrives here the engine's
/// resilience pipeline has given up, so it propagates and the job fails or retries from its checkpoint.
/// Lines found in the translation memory are never sent; lines an engine translated or every engine
/// failed are remembered.
/// Without a memory or a glossary store (pure unit tests) those steps are skipped.
/// </summary>
public sealed partial class SubtitleTranslator(
    IEnumerable<ITranslationEngine> engines,
    IOptions<TranslationOptions> options,
    ILogger<SubtitleTranslator> logger,
    ITranslationMemory? memory = null,
    IGlossaryStore? glossaryStore = null) : ISubtitleTranslator
{
    /// <summary>The job warning for lines an engine stopped before translating (budget ceiling or failure rate) with no engine left to take them.</summary>
    public const string EngineStopped = "engine_stopped";

    private readonly TranslationOptions _options = options.Value;

    /// <remarks>
    /// Progress counts translatable cues only (comments, drawings and empty lines are not work).
    /// A report lists the cues that got a translation and the warnings decided for the batch's cues;
    /// the caller checkpoints both, so a resumed job neither sends again the cues kept in the source
    /// on purpose nor loses the earlier attempt's warnings.
    /// </remarks>
    public async Task<SubtitleTranslationResult> TranslateAsync(
        SubtitleTranslationRequest request,
        Func<TranslatedBatchReport, CancellationToken, Task> onBatchCompleted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onBatchCompleted);

        var source = Canonical(request.SourceLanguage);
        var target = Canonical(request.TargetLanguage);
        var chain = EngineChain.Build(engines, new EngineChoice(request.Engine, request.Model), request.Fallback, source, target);
        // Asking again for kept lines means forgetting every record of them: the checkpoint's and the memory's.
        var kept = request.RetranslateKept ? new HashSet<int>() : request.KeptSourceCues ?? new HashSet<int>();

        // Cues an earlier attempt kept in the source on purpose are finished work too: planned as
        // resumed so they are not sent again, then dropped from the known lines so that their
        // untranslated text never serves as context.
        var finished = new Dictionary<int, string>(request.CompletedCues);
        foreach (var index in kept.Where(i => i >= 0 && i < request.Document.Cues.Count && !finished.ContainsKey(i)))
        {
            finished[index] = request.Document.Cues[index].Text;
        }

        var plan = TranslationPlanner.Plan(request.Document, finished, _options);
        var globalTerms = glossaryStore is null ? [] : await glossaryStore.GetTermsAsync(source, target, cancellationToken);
        var first = chain.First;
        var run = new TranslationRun(request, first.Engine!, source, target, plan)
        {
            Glossary = GlossaryMatcher.Merge(globalTerms, request.Glossary),
            Model = first.Model,
        };
        foreach (var index in kept)
        {
            if (!request.CompletedCues.ContainsKey(index))
            {
                run.Known.TryRemove(index, out _);
            }
        }

        foreach (var warning in (request.EarlierWarnings ?? []).Where(w => !request.RetranslateKept || w.Code != "kept_source"))
        {
            run.Keep(warning);
        }

        var completed = plan.Resumed.Count;
        var recalled = await RecallAsync(run, cancellationToken);
        if (recalled.Cues.Count > 0 || recalled.Kept.Count > 0)
        {
            // Remembered lines are finished work: they count in progress and go into the checkpoint, the
            // kept ones as warnings without text, as if this job had kept them itself.
            foreach (var warning in recalled.Kept)
            {
                run.Keep(warning);
            }

            completed += recalled.Cues.Count + recalled.Kept.Count;
            await onBatchCompleted(
                new TranslatedBatchReport(recalled.Cues, completed, plan.TranslatableCues.Count) { Warnings = recalled.Kept },
                cancellationToken);
        }

        if (plan.Resumed.Count > 0 || recalled.Cues.Count > 0)
        {
            chain.Succeeded();
            first.MarkSucceeded();
        }

        using var reportGate = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.ParallelBatchesFor(run.Engine),
            CancellationToken = cancellationToken,
        };

        var batches = BatchPacker.Pack(recalled.Batches, _options, parallel.MaxDegreeOfParallelism);
        var elapsed = Stopwatch.StartNew();
        await EstimateAsync(run, chain, batches, parallel.MaxDegreeOfParallelism, cancellationToken);
        LogStarting(plan.TranslatableCues.Count, plan.Resumed.Count, recalled.Cues.Count, batches.Count, run.Engine.Name, source, target);

        var secondLook = new System.Collections.Concurrent.ConcurrentQueue<SecondLook>();

        // Parallel.ForEachAsync starts items in enumeration order, so batches begin in file order.
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            using var activity = TranslationTelemetry.ActivitySource.StartActivity("translate batch");
            activity?.SetTag("translation.engine", run.Engine.Name);
            activity?.SetTag("translation.first_cue", batch[0].CueIndex);
            activity?.SetTag("translation.segments", batch.Count);

            var (accepted, batchWarnings, pending) = await TranslateThroughChainAsync(run, chain, batch, token);
            pending.ForEach(secondLook.Enqueue);
            var report = Deliver(run, batch, accepted, batchWarnings);
            batchWarnings.ForEach(run.Keep);
            await reportGate.WaitAsync(token);
            try
            {
                // Lines waiting for their second look count once it has answered.
                completed += batch.Sum(u => u.Members.Count) - pending.Sum(p => p.Unit.Members.Count);
                await onBatchCompleted(
                    new TranslatedBatchReport(report, completed, plan.TranslatableCues.Count)
                    {
                        Warnings = batchWarnings,
                        Spent = chain.Spent() with { Seconds = Math.Round(elapsed.Elapsed.TotalSeconds, 1) },
                    },
                    token);
            }
            finally
            {
                reportGate.Release();
            }
        });

        if (!secondLook.IsEmpty)
        {
            var looked = await SecondLookAsync(run, [.. secondLook], cancellationToken);
            var warnings2 = new List<TranslationWarning>();
            var report = Deliver(run, [.. secondLook.Select(l => l.Unit)], looked, warnings2);
            warnings2.ForEach(run.Keep);
            completed += secondLook.Sum(l => l.Unit.Members.Count);
            await onBatchCompleted(
                new TranslatedBatchReport(report, completed, plan.TranslatableCues.Count)
                {
                    Warnings = warnings2,
                    Spent = chain.Spent() with { Seconds = Math.Round(elapsed.Elapsed.TotalSeconds, 1) },
                },
                cancellationToken);
        }

        List<DocumentWarning> documentWarnings = [.. StoppedEngines(run, chain, batches)];
        if (request.Proofread)
        {
            // Proofreading is the job's own engine's pass: its requests count against that engine's spending.
            documentWarnings.AddRange(await ProofreadAsync(run.For(run.Engine, run.Model, first.Guard), cancellationToken));
        }

        var warnings = run.Warnings.OrderBy(w => w.CueIndex).ToList();
        LogFinished(plan.TranslatableCues.Count, warnings.Count);
        return new SubtitleTranslationResult(BuildDocument(request.Document, run.Known), warnings)
        {
            DocumentWarnings = documentWarnings,
            Spent = chain.Spent() with { Seconds = Math.Round(elapsed.Elapsed.TotalSeconds, 1) },
        };
    }

    /// <summary>
    /// Writes each unit's accepted translation into every cue that shows it and returns them by cue;
    /// a cue whose own markup does not fit the translation keeps its source, with a warning.
    /// </summary>
    private static Dictionary<int, string> Deliver(
        TranslationRun run, IEnumerable<TranslationUnit> units, IReadOnlyDictionary<int, string> accepted, List<TranslationWarning> warnings)
    {
        var report = new Dictionary<int, string>();
        foreach (var unit in units)
        {
            if (!accepted.TryGetValue(unit.CueIndex, out var translation))
            {
                continue;
            }

            foreach (var member in unit.Members)
            {
                // Members share the placeholder sequence of the unit's text, so this cannot fail
                // once the first member restored; checking keeps a surprise from writing garbage.
                var restored = member.Protected.Restore(translation);
                if (restored.Succeeded)
                {
                    run.Known[member.CueIndex] = restored.Text;
                    report[member.CueIndex] = restored.Text;
                    TranslationTelemetry.Cues.Add(1, new KeyValuePair<string, object?>("outcome", "translated"));
                }
                else
                {
                    warnings.Add(new TranslationWarning(member.CueIndex, "kept_source", $"Kept the source text: {restored.Error}."));
                }
            }
        }

        return report;
    }

    private static string Canonical(string language) =>
        LanguageCodes.TryNormalize(language, out var canonical) ? canonical : language.Trim();

    // A deep copy keeps everything that is not cue text (script sections, header and trailing
    // blocks, lines kept as written) exactly as the source had it.
    private static SubtitleDocument BuildDocument(SubtitleDocument source, IReadOnlyDictionary<int, string> known)
    {
        var copy = source.Clone();
        foreach (var (index, text) in known)
        {
            copy.Cues[index].Text = text;
        }

        return copy;
    }

    [LoggerMessage(LogLevel.Information, "Translating {CueCount} cues ({ResumedCount} from checkpoint, {RememberedCount} from memory) in {BatchCount} batches with {Engine} {SourceLanguage}->{TargetLanguage}")]
    private partial void LogStarting(int cueCount, int resumedCount, int rememberedCount, int batchCount, string engine, string sourceLanguage, string targetLanguage);

    [LoggerMessage(LogLevel.Information, "Translated {CueCount} cues with {WarningCount} warnings")]
    private partial void LogFinished(int cueCount, int warningCount);

    [LoggerMessage(LogLevel.Warning, "Batch starting at cue {CueIndex} ({SegmentCount} segments) refused: {Errors}")]
    private partial void LogRefused(int cueIndex, int segmentCount, string errors);
}

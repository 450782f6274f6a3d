using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation.Glossary;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    public const string ProofreadSkipped = "proofread_skipped";
    public const string ProofreadIncomplete = "proofread_incomplete";

    /// <summary>
    /// The optional second pass: each batch's finished lines go back to the same engine beside their
    /// sources, to be corrected. A reply is validated like a translation (every id once, placeholders
    /// intact, not the source again); a refused reply leaves that batch's first translations in place,
    /// and the job says how many batches that was. Lines that kept their source are not proofread.
    /// Corrections are not checkpointed or remembered: the checkpoint and the memory hold the first
    /// translations, so a resumed job proofreads its whole document again.
    /// </summary>
    private async Task<IReadOnlyList<DocumentWarning>> ProofreadAsync(TranslationRun run, CancellationToken cancellationToken)
    {
        if (!run.Engine.CanProofread)
        {
            return [new DocumentWarning(ProofreadSkipped, $"The {run.Engine.Name} engine cannot proofread; the translation was delivered without the proofreading pass.")];
        }

        // Every line of the document, including those from the checkpoint and the memory.
        var plan = TranslationPlanner.Plan(run.Request.Document, new Dictionary<int, string>(), _options, withDrafts: true);
        var batches = plan.Batches
            .Select(batch => batch.Select(unit => (Unit: unit, Draft: Draft(run, unit))).Where(d => d.Draft is not null).ToList())
            .Where(batch => batch.Count > 0)
            .ToList();
        var refused = 0;
        var skipped = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelBatchesFor(run.Engine), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            var units = batch.Select(d => d.Unit).ToList();
            var request = new TranslationBatch(
                run.SourceLanguage,
                run.TargetLanguage,
                run.Request.Model,
                [.. units.Select(u => new TranslationSegment(TranslationValidator.Id(u.CueIndex), u.Protected.Text))],
                PrecedingContext(run, units),
                FollowingContext(run, units[^1].CueIndex),
                run.Request.Title)
            {
                Glossary = [.. units.SelectMany(u => GlossaryMatcher.TermsIn(u.SourcePlain, run.Glossary)).Distinct()],
                Drafts = [.. batch.Select(d => new TranslatedSegment(TranslationValidator.Id(d.Unit.CueIndex), d.Draft!))],
            };

            if (run.Guard is { } guard && !guard.TryStart(firstAsk: false))
            {
                // The engine passed its ceiling: this batch keeps its first translations.
                Interlocked.Increment(ref skipped);
                return;
            }

            var (replies, usage) = await CallEngineAsync(run, request, token);
            var outcome = TranslationValidator.Validate(units, replies ?? [], run.LanguagesDiffer, run.Glossary);
            Spend(run, units, outcome.Errors.Count == 0 ? 0 : units.Count, usage, withDrafts: true);
            CountRequest(run, outcome.Errors.Count == 0 ? "proofread" : "proofread_refused");
            if (outcome.Errors.Count > 0)
            {
                Interlocked.Increment(ref refused);
                LogProofreadRefused(units[0].CueIndex, units.Count, string.Join("; ", outcome.Errors));
                return;
            }

            // A correction that drops a glossary term is not taken: the draft had it.
            foreach (var unit in units.Where(u => outcome.Accepted.ContainsKey(u.CueIndex)))
            {
                var restored = unit.Members.Select(m => (m.CueIndex, Result: m.Protected.Restore(outcome.Accepted[unit.CueIndex]))).ToList();
                if (restored.All(r => r.Result.Succeeded))
                {
                    foreach (var (cueIndex, result) in restored)
                    {
                        run.Known[cueIndex] = result.Text;
                    }
                }
            }
        });

        List<DocumentWarning> warnings = [];
        if (refused > 0)
        {
            warnings.Add(new DocumentWarning(ProofreadIncomplete, $"{refused} of {batches.Count} proofreading replies were unusable; their lines keep the first translation."));
        }

        if (skipped > 0)
        {
            warnings.Add(new DocumentWarning(ProofreadIncomplete,
                $"{skipped} of {batches.Count} batches were not proofread: {run.Engine.Name} stopped asking: {run.Guard?.HaltReason}; their lines keep the first translation."));
        }

        return warnings;
    }

    /// <summary>
    /// The unit's current translation with the unit's own placeholders, or null when it has none (kept
    /// its source) or its markup no longer lines up with the source's (then it is not worth the risk).
    /// </summary>
    private static string? Draft(TranslationRun run, TranslationUnit unit)
    {
        if (!run.Known.TryGetValue(unit.CueIndex, out var translation))
        {
            return null;
        }

        var protectedAgain = SubtitleMarkupProtector.Protect(translation, run.Format);
        return protectedAgain.Prefix == unit.Protected.Prefix && protectedAgain.Tokens.SequenceEqual(unit.Protected.Tokens)
            ? protectedAgain.Text
            : null;
    }

    [LoggerMessage(LogLevel.Warning, "Proofreading of the batch starting at cue {CueIndex} ({SegmentCount} segments) refused, first translation kept: {Errors}")]
    private partial void LogProofreadRefused(int cueIndex, int segmentCount, string errors);
}

using FluxCaption.Core.Translation.Budget;
using FluxCaption.Core.Translation.Fallback;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// Estimates the batches about to be sent for the job's own engine, tells the caller, and gives every
    /// engine of the chain its guard: each may spend up to the ceiling drawn from that estimate (a fallback
    /// engine only ever gets the lines left over, so the job's estimate bounds its share too).
    /// </summary>
    private async Task EstimateAsync(
        TranslationRun run, EngineChain chain, IReadOnlyList<IReadOnlyList<TranslationUnit>> batches, int slots, CancellationToken cancellationToken)
    {
        var proofread = run.Request.Proofread && run.Engine.CanProofread
            ? TranslationPlanner.Plan(run.Request.Document, new Dictionary<int, string>(), _options, withDrafts: true).Batches
            : [];
        var estimate = TranslationEstimator.Estimate(batches, proofread, run.Engine, _options, slots);
        foreach (var link in chain.Links.Where(l => l.Engine is not null))
        {
            // Each engine's ceiling is drawn from the same lines priced for that engine: an Apertium job
            // estimates no tokens, but its Ollama fallback must still be allowed some.
            var own = ReferenceEquals(link.Engine, run.Engine) ? estimate : TranslationEstimator.Estimate(batches, [], link.Engine!, _options, slots);
            link.Guard = new EngineGuard(link.Name, own, _options, link.Engine!.UsesTokens, link.Engine.Price);
        }

        if (run.Request.OnEstimated is { } onEstimated)
        {
            await onEstimated(estimate, cancellationToken);
        }
    }

    /// <summary>
    /// One warning for the lines never sent or never settled because their engine stopped spending
    /// (failure rate) or asking again (budget ceiling) and no engine after it took them: they keep their
    /// source, and the warning says why with the figures instead of one warning per line.
    /// </summary>
    private static IEnumerable<DocumentWarning> StoppedEngines(
        TranslationRun run, EngineChain chain, IReadOnlyList<IReadOnlyList<TranslationUnit>> batches)
    {
        var warned = run.Warnings.Select(w => w.CueIndex).ToHashSet();
        var untouched = batches.SelectMany(b => b).SelectMany(u => u.Members)
            .Count(m => !run.Known.ContainsKey(m.CueIndex) && !warned.Contains(m.CueIndex));
        var reasons = chain.Links.Where(l => l.Guard?.HaltReason is not null).Select(l => $"{l.Name} stopped: {l.Guard!.HaltReason}").ToList();
        if (untouched == 0 || reasons.Count == 0)
        {
            yield break;
        }

        var lines = untouched == 1 ? "1 line keeps" : $"{untouched} lines keep";
        yield return new DocumentWarning(EngineStopped, $"{lines} the source text: {string.Join("; ", reasons)}.");
    }
}

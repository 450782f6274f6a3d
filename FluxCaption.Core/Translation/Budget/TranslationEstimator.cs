using FluxCaption.Contracts;

namespace FluxCaption.Core.Translation.Budget;

/// <summary>
/// What a job's translation should cost with its own engine, from the very batches the translator is
/// about to send (memory hits already left out) and, when proofreading was asked for, the batches of
/// that pass: one request per batch, tokens as <see cref="RequestCost"/> counts them, and time from the
/// per-request overhead plus the reply's tokens at the configured speed, spread over the parallel slots.
/// It is a clean run's cost: recovery of refused lines comes on top, which the ceiling allows for.
/// </summary>
internal static class TranslationEstimator
{
    public static JobBudgetFigures Estimate(
        IReadOnlyList<IReadOnlyList<TranslationUnit>> batches,
        IReadOnlyList<IReadOnlyList<TranslationUnit>> proofreadBatches,
        ITranslationEngine engine,
        TranslationOptions options,
        int slots)
    {
        long prompt = 0;
        long completion = 0;
        var seconds = 0.0;
        foreach (var (batch, withDrafts) in batches.Select(b => (b, false)).Concat(proofreadBatches.Select(b => (b, true))))
        {
            var reply = RequestCost.ReplyOf(batch);
            prompt += RequestCost.PromptOf(batch, options, withDrafts);
            completion += reply;
            seconds += options.EstimatedRequestOverhead.TotalSeconds + (engine.UsesTokens ? reply / options.EstimatedTokensPerSecond : 0);
        }

        var requests = batches.Count + proofreadBatches.Count;
        if (!engine.UsesTokens)
        {
            (prompt, completion) = (0, 0);
        }

        return new JobBudgetFigures(
            requests,
            prompt,
            completion,
            Math.Round(seconds / Math.Clamp(requests, 1, Math.Max(1, slots)), 1),
            engine.Price?.Of(prompt, completion));
    }
}

namespace FluxCaption.Core.Translation.Engines;

/// <summary>
/// Packs the batches that are left to send after memory and de-duplication have thinned them out.
/// Every request pays a fixed cost (scheduling, prompt set-up, first token) that a short scene of
/// three new lines pays as much as a long one: a batch smaller than MinCuesPerBatch joins its
/// neighbour in file order (the one before it, or the ones after it) while the cue and token budgets
/// allow. Cuts still fall on the planner's scene boundaries, never inside a scene, and file order is kept.
/// </summary>
internal static class BatchPacker
{
    public static IReadOnlyList<IReadOnlyList<TranslationUnit>> Pack(
        IReadOnlyList<IReadOnlyList<TranslationUnit>> batches,
        TranslationOptions options)
    {
        if (options.MinCuesPerBatch <= 1 || batches.Count < 2)
        {
            return batches;
        }

        var packed = new List<IReadOnlyList<TranslationUnit>>();
        List<TranslationUnit>? current = null;
        var tokens = 0;
        foreach (var batch in batches)
        {
            var batchTokens = batch.Sum(Tokens);
            if (current is not null
                && (current.Count < options.MinCuesPerBatch || batch.Count < options.MinCuesPerBatch)
                && current.Count + batch.Count <= options.MaxCuesPerBatch
                && tokens + batchTokens <= options.MaxTokensPerBatch)
            {
                current.AddRange(batch);
                tokens += batchTokens;
                continue;
            }

            if (current is not null)
            {
                packed.Add(current);
            }

            current = [.. batch];
            tokens = batchTokens;
        }

        packed.Add(current!);
        return packed;
    }

    // The planner's own estimate: characters / 4 of the protected text.
    private static int Tokens(TranslationUnit unit) => (unit.Protected.Text.Length + 3) / 4;
}

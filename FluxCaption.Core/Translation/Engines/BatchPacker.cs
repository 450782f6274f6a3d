namespace FluxCaption.Core.Translation.Engines;

/// <summary>
/// Sizes the batches that are left to send after memory and de-duplication have thinned them out:
/// the lines still to send are cut again as one run (a scene that lost half its lines to memory no
/// longer pays a half-empty request), then the last wave is spread over the slots.
/// </summary>
internal static class BatchPacker
{
    public static IReadOnlyList<IReadOnlyList<TranslationUnit>> Pack(
        IReadOnlyList<IReadOnlyList<TranslationUnit>> batches,
        TranslationOptions options,
        int slots)
    {
        var batched = BatchSizer.Cut([.. batches.SelectMany(b => b)], options);
        return BatchSizer.BalanceLastWave(batched, slots);
    }
}

namespace FluxCaption.Core.Translation;

/// <summary>
/// Cuts lines, in file order, into engine requests. A request costs a fixed price (scheduling, prompt,
/// first token) whatever it holds, so batches are as large as the token budget and the cue guard allow;
/// where a batch ends is chosen by the dialogue: at a scene gap once the batch has
/// <see cref="TranslationOptions.MinCuesPerBatch"/> lines; when it is full, at its last scene gap in
/// its second half or else at the longest pause in its last third, so a cut inside a scene falls where
/// the speakers pause.
/// </summary>
internal static class BatchSizer
{
    // A request below this many lines spends more of its time on the fixed cost than on its lines, so
    // the last wave is not spread over idle slots in smaller pieces than this.
    private const int SmallestSharedBatch = 8;

    public static List<IReadOnlyList<TranslationUnit>> Cut(IReadOnlyList<TranslationUnit> units, TranslationOptions options, bool withDrafts = false)
    {
        var costs = units.Select(u => RequestCost.OfLine(u, withDrafts)).ToArray();
        var budget = options.MaxTokensPerBatch - RequestCost.Overhead(units, options);
        var batches = new List<IReadOnlyList<TranslationUnit>>();
        var start = 0;

        // A last scene too short to be a batch of its own rides with the one before when it fits.
        bool RestFits(int from, int count, int tokens) =>
            units.Count - from < options.MinCuesPerBatch
            && count + units.Count - from <= options.MaxCuesPerBatch
            && tokens + costs[from..].Sum() <= budget;

        while (start < units.Count)
        {
            var end = start;
            var tokens = 0;
            var full = false;
            while (end < units.Count)
            {
                var count = end - start;
                if (count >= options.MinCuesPerBatch && Pause(units, end) > options.SceneGap && !RestFits(end, count, tokens))
                {
                    break;
                }

                // A line too long for the budget on its own still goes, alone.
                if (count > 0 && (count >= options.MaxCuesPerBatch || tokens + costs[end] > budget))
                {
                    full = true;
                    break;
                }

                tokens += costs[end];
                end++;
            }

            if (full)
            {
                end = BestCut(units, start, end, options.SceneGap);
            }

            batches.Add(units.Skip(start).Take(end - start).ToList());
            start = end;
        }

        return batches;
    }

    /// <summary>
    /// With several slots, the batches run in waves; a last wave of fewer batches than slots leaves
    /// the other slots idle while it runs. Its lines are shared out over every slot instead, in pieces
    /// of equal cost cut at the longest pause near each even split.
    /// </summary>
    public static List<IReadOnlyList<TranslationUnit>> BalanceLastWave(List<IReadOnlyList<TranslationUnit>> batches, int slots)
    {
        var last = batches.Count % slots;
        if (slots < 2 || last == 0)
        {
            return batches;
        }

        var tail = batches.Skip(batches.Count - last).SelectMany(b => b).ToList();
        var pieces = Math.Min(slots, tail.Count / SmallestSharedBatch);
        if (pieces <= last)
        {
            return batches;
        }

        var costs = tail.Select(u => RequestCost.OfLine(u)).ToArray();
        var total = costs.Sum();
        var balanced = batches.Take(batches.Count - last).ToList();
        var start = 0;
        var spent = 0;
        for (var piece = 1; piece < pieces; piece++)
        {
            // The first line at which the pieces so far would reach their even share of the cost.
            var ideal = start + 1;
            for (var reached = spent + costs[start]; ideal < tail.Count && reached < total * piece / pieces; ideal++)
            {
                reached += costs[ideal];
            }

            var slack = tail.Count / pieces / 5;
            var lastAllowed = tail.Count - (pieces - piece);
            var from = Math.Clamp(ideal - slack, start + 1, lastAllowed);
            var end = LongestPause(tail, from, Math.Clamp(ideal + slack, from, lastAllowed), ideal);
            balanced.Add(tail[start..end]);
            spent += costs[start..end].Sum();
            start = end;
        }

        balanced.Add(tail[start..]);
        return balanced;
    }

    /// <summary>
    /// Where a batch that is full at <paramref name="end"/> ends: at its last scene gap in the second
    /// half, else at the longest pause in its last third.
    /// </summary>
    private static int BestCut(IReadOnlyList<TranslationUnit> units, int start, int end, TimeSpan sceneGap)
    {
        var count = end - start;
        for (var cut = end; cut >= start + ((count + 1) / 2) && cut > start; cut--)
        {
            if (Pause(units, cut) > sceneGap)
            {
                return cut;
            }
        }

        return LongestPause(units, start + (((2 * count) + 2) / 3), end, end);
    }

    /// <summary>The cut in [from, to] before the line with the longest pause; ties go to the one nearest <paramref name="preferred"/>.</summary>
    private static int LongestPause(IReadOnlyList<TranslationUnit> units, int from, int to, int preferred)
    {
        var best = Math.Clamp(preferred, from, to);
        for (var cut = from; cut <= to; cut++)
        {
            var pause = Pause(units, cut);
            var bestPause = Pause(units, best);
            if (pause > bestPause || (pause == bestPause && Math.Abs(cut - preferred) < Math.Abs(best - preferred)))
            {
                best = cut;
            }
        }

        return best;
    }

    /// <summary>The silence before line <paramref name="index"/>; none at the ends, which are no choice.</summary>
    private static TimeSpan Pause(IReadOnlyList<TranslationUnit> units, int index) =>
        index <= 0 || index >= units.Count ? TimeSpan.Zero : units[index].Start - units[index - 1].End;
}

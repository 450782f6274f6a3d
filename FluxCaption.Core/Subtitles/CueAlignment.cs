namespace FluxCaption.Core.Subtitles;

/// <summary>
/// Pairs each cue of a translation with the cue of its source it was made from, for showing them side
/// by side. A translation normally has its source's cues one for one (the translator never merges or
/// shifts a cue); when the counts differ (a conversion dropped comments, a person's file was edited
/// elsewhere) cues are paired by identical timing, in order, and otherwise by the source cue that
/// overlaps them longest.
/// </summary>
public static class CueAlignment
{
    /// <returns>For each translation cue, the index of its source cue; null when no source cue overlaps it.</returns>
    public static int?[] Align(IReadOnlyList<SubtitleCue> translation, IReadOnlyList<SubtitleCue> source)
    {
        ArgumentNullException.ThrowIfNull(translation);
        ArgumentNullException.ThrowIfNull(source);
        var pairs = new int?[translation.Count];
        if (translation.Count == source.Count)
        {
            for (var i = 0; i < pairs.Length; i++)
            {
                pairs[i] = i;
            }

            return pairs;
        }

        // Stacked cues share a timing: each source cue of that timing is used once, in file order.
        var byTiming = new Dictionary<(TimeSpan, TimeSpan), Queue<int>>();
        for (var i = 0; i < source.Count; i++)
        {
            var key = (source[i].Start, source[i].End);
            if (!byTiming.TryGetValue(key, out var queue))
            {
                byTiming[key] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        for (var i = 0; i < translation.Count; i++)
        {
            var cue = translation[i];
            pairs[i] = byTiming.TryGetValue((cue.Start, cue.End), out var same) && same.Count > 0
                ? same.Dequeue()
                : LongestOverlap(cue, source);
        }

        return pairs;
    }

    private static int? LongestOverlap(SubtitleCue cue, IReadOnlyList<SubtitleCue> source)
    {
        int? best = null;
        var bestOverlap = TimeSpan.Zero;
        for (var i = 0; i < source.Count; i++)
        {
            var overlap = (cue.End < source[i].End ? cue.End : source[i].End) - (cue.Start > source[i].Start ? cue.Start : source[i].Start);
            if (overlap > bestOverlap)
            {
                (best, bestOverlap) = (i, overlap);
            }
        }

        return best;
    }
}

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// Cuts audio into windows an engine can take (at most <see cref="SpeechWindowOptions.MaxWindow"/>).
/// Long silences become windows of their own, marked silent, so nothing is sent where there is nothing
/// to hear. Speech longer than the maximum is cut inside a silence: the longest one in the last
/// <see cref="SpeechWindowOptions.CutSearch"/> of the allowance (the later one on a tie), at its middle,
/// so no word is split; only speech without any silence there is cut hard at the maximum.
/// Pure and deterministic: the same duration, silences and options always give the same windows, which
/// is what lets a resumed job trust the window indexes it checkpointed.
/// </summary>
public static class SpeechWindowPlanner
{
    public static IReadOnlyList<AudioWindow> Plan(TimeSpan duration, IReadOnlyList<SilenceSpan> silences, SpeechWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(silences);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWindow <= TimeSpan.Zero || options.CutSearch <= TimeSpan.Zero || options.CutSearch > options.MaxWindow)
        {
            throw new ArgumentException(
                $"Window options need MaxWindow > 0 and 0 < CutSearch <= MaxWindow (got {options.MaxWindow} and {options.CutSearch}).", nameof(options));
        }

        if (duration <= TimeSpan.Zero)
        {
            return [];
        }

        var quiet = Normalise(silences, duration);
        var windows = new List<AudioWindow>();
        foreach (var (start, end, silent) in Stretches(duration, quiet, options))
        {
            if (silent)
            {
                windows.Add(new AudioWindow(windows.Count, start, end, IsSilent: true));
                continue;
            }

            var from = start;
            while (end - from > options.MaxWindow)
            {
                var cut = CutPoint(from, quiet, options);
                windows.Add(new AudioWindow(windows.Count, from, cut));
                from = cut;
            }

            windows.Add(new AudioWindow(windows.Count, from, end));
        }

        return windows;
    }

    /// <summary>Sorted, clipped to the audio, overlaps merged: detectors and callers may hand anything in.</summary>
    private static List<SilenceSpan> Normalise(IReadOnlyList<SilenceSpan> silences, TimeSpan duration)
    {
        var merged = new List<SilenceSpan>();
        foreach (var span in silences.OrderBy(span => span.Start).ThenBy(span => span.End))
        {
            var start = span.Start < TimeSpan.Zero ? TimeSpan.Zero : span.Start;
            var end = span.End > duration ? duration : span.End;
            if (end <= start)
            {
                continue;
            }

            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = end > merged[^1].End ? end : merged[^1].End };
            }
            else
            {
                merged.Add(new SilenceSpan(start, end));
            }
        }

        return merged;
    }

    private static List<(TimeSpan Start, TimeSpan End, bool Silent)> Stretches(
        TimeSpan duration, List<SilenceSpan> quiet, SpeechWindowOptions options)
    {
        var stretches = new List<(TimeSpan, TimeSpan, bool)>();
        var cursor = TimeSpan.Zero;
        foreach (var silence in quiet.Where(span => span.Duration >= options.SkippedSilenceMinimum))
        {
            // Padding stays with the speech beside the silence, except at the very start and end of the audio.
            var skipStart = silence.Start == TimeSpan.Zero ? TimeSpan.Zero : silence.Start + options.SilencePadding;
            var skipEnd = silence.End == duration ? duration : silence.End - options.SilencePadding;
            if (skipStart < cursor)
            {
                skipStart = cursor;
            }

            if (skipEnd <= skipStart)
            {
                continue;
            }

            if (skipStart > cursor)
            {
                stretches.Add((cursor, skipStart, false));
            }

            stretches.Add((skipStart, skipEnd, true));
            cursor = skipEnd;
        }

        if (cursor < duration)
        {
            stretches.Add((cursor, duration, false));
        }

        return stretches;
    }

    private static TimeSpan CutPoint(TimeSpan from, List<SilenceSpan> quiet, SpeechWindowOptions options)
    {
        var limit = from + options.MaxWindow;
        var searchFrom = limit - options.CutSearch;
        SilenceSpan? best = null;
        foreach (var silence in quiet)
        {
            var start = silence.Start > searchFrom ? silence.Start : searchFrom;
            var end = silence.End < limit ? silence.End : limit;
            if (end <= start || start <= from)
            {
                continue;
            }

            var clipped = new SilenceSpan(start, end);
            if (best is null || clipped.Duration >= best.Duration)
            {
                best = clipped;
            }
        }

        return best is null ? limit : best.Start + ((best.End - best.Start) / 2);
    }
}

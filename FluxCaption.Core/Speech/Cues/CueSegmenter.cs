using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.PostProcessing;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// Turns transcribed segments (media time) into cues people can read: at most two balanced lines within the
/// script's line length, at most <see cref="CueSegmenterOptions.MaxDuration"/> of speech each. A segment too
/// long for one cue is cut between words (never inside one) where the cost is lowest: after a sentence
/// ends, then after a comma, then at a pause, with cues of similar length preferred; the word times say
/// where each cue starts and ends (segments without them share their time out by characters). Then
/// <see cref="CueTiming"/> gives each cue enough time to be read without ever overlapping the next.
/// </summary>
public static class CueSegmenter
{
    private const double CueCost = 1.0;
    private const double PlainBreakCost = 1.0;
    private const double PauseBreakCost = 0.5;
    private const double CommaBreakCost = 0.35;
    private const double FillCost = 0.3;

    private const string SentenceEnds = ".!?…。！？";
    private const string ClauseEnds = ",;:，、；：–—";

    public static List<SubtitleCue> Segment(IReadOnlyList<TranscribedSegment> segments, string? language, CueSegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLines < 1 || options.MinDuration > options.MaxDuration || options.MaxDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("Cue options need MaxLines >= 1 and 0 < MinDuration <= MaxDuration.", nameof(options));
        }

        var layout = CueLayout.For(language, segments.Select(segment => segment.Text), options);
        var cues = new List<SubtitleCue>();
        foreach (var segment in segments.Where(segment => !string.IsNullOrWhiteSpace(segment.Text)))
        {
            var units = CueUnit.From(segment, layout);
            foreach (var (from, to) in Cut(units, layout, options))
            {
                cues.Add(new SubtitleCue
                {
                    Start = units[from].Start,
                    End = units[to - 1].End,
                    Text = Wrap(Join(units, from, to), layout),
                });
            }
        }

        CueTiming.Apply(cues, layout, options);
        return cues;
    }

    /// <summary>The cheapest way to cut the units into cues that fit: a shortest path over the places between units.</summary>
    private static List<(int From, int To)> Cut(List<CueUnit> units, CueLayout layout, CueSegmenterOptions options)
    {
        var count = units.Count;
        var best = new double[count + 1];
        var previous = new int[count + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        var capacity = layout.MaxColumns * options.MaxLines;
        for (var to = 1; to <= count; to++)
        {
            for (var from = to - 1; from >= 0; from--)
            {
                var text = Join(units, from, to);
                var width = LineWrapper.Width(Atoms(text));
                var single = to - from == 1;
                if (!single && (width > capacity || units[to - 1].End - units[from].Start > options.MaxDuration))
                {
                    break;
                }

                if (!single && !FitsInLines(text, layout, options.MaxLines))
                {
                    continue;
                }

                var fill = Math.Min(1.0, (double)width / capacity);
                var cost = best[from] + CueCost + BreakCost(units, to, options) + (FillCost * (1 - fill) * (1 - fill));
                if (cost < best[to])
                {
                    best[to] = cost;
                    previous[to] = from;
                }
            }
        }

        var cuts = new List<(int, int)>();
        for (var to = count; to > 0; to = previous[to])
        {
            cuts.Add((previous[to], to));
        }

        cuts.Reverse();
        return cuts;
    }

    private static double BreakCost(List<CueUnit> units, int at, CueSegmenterOptions options)
    {
        if (at >= units.Count)
        {
            return 0;
        }

        var before = units[at - 1].Text.TrimEnd('"', '\'', '”', '’', ')', '」', '』', '）');
        var last = before.Length > 0 ? before[^1] : ' ';
        if (SentenceEnds.Contains(last, StringComparison.Ordinal))
        {
            return 0;
        }

        var cost = PlainBreakCost;
        if (ClauseEnds.Contains(last, StringComparison.Ordinal))
        {
            cost = CommaBreakCost;
        }

        return units[at].Start - units[at - 1].End >= options.PauseForBreak ? Math.Min(cost, PauseBreakCost) : cost;
    }

    private static string Join(List<CueUnit> units, int from, int to)
    {
        var text = new System.Text.StringBuilder();
        for (var i = from; i < to; i++)
        {
            if (i > from && units[i].SpaceBefore)
            {
                text.Append(' ');
            }

            text.Append(units[i].Text);
        }

        return text.ToString();
    }

    private static List<Atom> Atoms(string text) => CueAtoms.Parse(text, SubtitleFormat.Srt);

    private static List<List<Atom>> Lines(string text, CueLayout layout) =>
        CueAtoms.Lines(LineWrapper.Wrap(Atoms(text), layout.MaxColumns, breakBetweenCjk: !layout.SpacesBetweenWords, "\n"));

    private static bool FitsInLines(string text, CueLayout layout, int maxLines)
    {
        var lines = Lines(text, layout);
        return lines.Count <= maxLines && lines.All(line => LineWrapper.Width(line) <= layout.MaxColumns);
    }

    /// <summary>One line when it fits, else lines broken where they are most even (the shared wrapper's rules).</summary>
    private static string Wrap(string text, CueLayout layout) =>
        string.Join("\n", Lines(text, layout).Select(line => CueAtoms.Render(line).Trim()).Where(line => line.Length > 0));
}

using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// Drops what speech engines invent rather than hear, and counts each reason, so a job can say how much it
/// threw away. Segments and silences are both in media time. Checked in order: empty text, known fillers
/// (<see cref="KnownFillers"/>), the engine's own low confidence, text over silence, loops inside a segment
/// (dropped when the loop is all there is, trimmed to its first round when real text precedes it), and the
/// same text repeated over consecutive segments.
/// </summary>
public static class HallucinationFilter
{
    public static FilteredSegments Filter(
        IReadOnlyList<TranscribedSegment> segments, IReadOnlyList<SilenceSpan> silences, HallucinationFilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(silences);
        options ??= new HallucinationFilterOptions();
        int loops = 0, overSilence = 0, fillers = 0, lowConfidence = 0, empty = 0, trimmed = 0;
        var kept = new List<TranscribedSegment>();
        foreach (var segment in segments)
        {
            if (string.IsNullOrWhiteSpace(segment.Text))
            {
                empty++;
            }
            else if (KnownFillers.IsFiller(segment.Text))
            {
                fillers++;
            }
            else if (IsLowConfidence(segment, options))
            {
                lowConfidence++;
            }
            else if (SilentShare(segment, silences) >= options.OverSilenceFraction)
            {
                overSilence++;
            }
            else if (RepetitionLoop.Find(segment.Text) is not { } loop)
            {
                kept.Add(segment);
            }
            else if (loop.IsWholeText)
            {
                loops++;
            }
            else
            {
                trimmed++;
                kept.Add(Trim(segment, loop.KeepLength));
            }
        }

        var result = DropRepeatedRuns(kept, options.RepeatedSegmentRun, out var repeated);
        return new FilteredSegments(result, loops + repeated, overSilence, fillers, lowConfidence, empty, trimmed);
    }

    // Whisper's own rule: a segment is silence when the no-speech probability is high AND the decoding was
    // poor; an engine that reports only the former is judged on it alone.
    private static bool IsLowConfidence(TranscribedSegment segment, HallucinationFilterOptions options) =>
        segment.NoSpeechProbability is { } noSpeech && noSpeech > options.NoSpeechThreshold
        && (segment.AverageLogProbability is not { } logProbability || logProbability < options.LogProbabilityThreshold);

    private static double SilentShare(TranscribedSegment segment, IReadOnlyList<SilenceSpan> silences)
    {
        if (segment.End <= segment.Start)
        {
            return silences.Any(span => span.Start <= segment.Start && segment.Start < span.End) ? 1 : 0;
        }

        var inside = TimeSpan.Zero;
        foreach (var span in silences)
        {
            var start = span.Start > segment.Start ? span.Start : segment.Start;
            var end = span.End < segment.End ? span.End : segment.End;
            if (end > start)
            {
                inside += end - start;
            }
        }

        return inside / (segment.End - segment.Start);
    }

    /// <summary>Keeps the first <paramref name="keepLength"/> characters; the end time follows the kept words, or the kept share of the text.</summary>
    private static TranscribedSegment Trim(TranscribedSegment segment, int keepLength)
    {
        var text = segment.Text[..keepLength].TrimEnd();
        var share = (double)text.Trim().Length / Math.Max(1, segment.Text.Trim().Length);
        var end = segment.Start + ((segment.End - segment.Start) * share);
        var words = segment.Words.Where(word => word.Start < end).ToList();
        if (words.Count > 0)
        {
            end = words[^1].End;
        }

        return segment with { Text = text.Trim(), End = end, Words = words };
    }

    private static List<TranscribedSegment> DropRepeatedRuns(List<TranscribedSegment> kept, int run, out int dropped)
    {
        dropped = 0;
        var result = new List<TranscribedSegment>();
        var i = 0;
        while (i < kept.Count)
        {
            var key = KnownFillers.Normalise(kept[i].Text);
            var j = i + 1;
            while (j < kept.Count && KnownFillers.Normalise(kept[j].Text) == key)
            {
                j++;
            }

            if (j - i >= run)
            {
                result.Add(kept[i]);
                dropped += j - i - 1;
            }
            else
            {
                result.AddRange(kept.Skip(i).Take(j - i));
            }

            i = j;
        }

        return result;
    }
}

using FluxCaption.Core.Subtitles;

namespace FluxCaption.Benchmarks.Faults;

internal enum ResultVerdict
{
    Same,
    Duplicated,
    Different,
}

/// <summary>A translated file must have the source's cues, each once, in the source's order and timing.</summary>
internal static class ResultCheck
{
    public static ResultVerdict Compare(string sourceSrt, string resultSrt)
    {
        var source = SubtitleParser.Parse(sourceSrt, SubtitleFormat.Srt).Cues;
        var result = SubtitleParser.Parse(resultSrt, SubtitleFormat.Srt).Cues;
        var timings = result.Select(cue => (cue.Start, cue.End)).ToList();
        if (result.Count > source.Count || timings.Distinct().Count() < timings.Count)
        {
            return ResultVerdict.Duplicated;
        }

        return timings.SequenceEqual(source.Select(cue => (cue.Start, cue.End))) ? ResultVerdict.Same : ResultVerdict.Different;
    }
}

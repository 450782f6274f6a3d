using System.Globalization;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// Screen time for cues made from speech, in order: overlaps removed (engines' segments can overlap a
/// little), then each cue lengthened into the silence after it until it is on screen at least
/// <see cref="CueSegmenterOptions.MinDuration"/> and long enough to read at the script's speed, but never
/// into the next cue (a <see cref="CueSegmenterOptions.MinGap"/> is left), and never beyond
/// <see cref="CueSegmenterOptions.MaxDuration"/>.
/// </summary>
internal static class CueTiming
{
    public static void Apply(List<SubtitleCue> cues, CueLayout layout, CueSegmenterOptions options)
    {
        // Stable: cues that start together keep their spoken order.
        var ordered = cues.Select((cue, position) => (cue, position)).OrderBy(x => x.cue.Start).ThenBy(x => x.position).Select(x => x.cue).ToList();
        cues.Clear();
        cues.AddRange(ordered);
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            if (cue.End < cue.Start)
            {
                cue.End = cue.Start;
            }

            if (i > 0 && cue.Start < cues[i - 1].End)
            {
                var previous = cues[i - 1];
                if (cue.Start > previous.Start)
                {
                    previous.End = cue.Start;
                }
                else
                {
                    // Said at the same moment: shown after the other, for as long as it was spoken.
                    var spoken = cue.End - cue.Start;
                    cue.Start = previous.End;
                    cue.End = cue.Start + spoken;
                }
            }
        }

        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            var reading = TimeSpan.FromSeconds(Characters(cue.Text) / layout.MaxCharactersPerSecond);
            var wanted = reading > options.MinDuration ? reading : options.MinDuration;
            if (wanted > options.MaxDuration)
            {
                wanted = options.MaxDuration;
            }

            if (cue.End - cue.Start < wanted)
            {
                var end = cue.Start + wanted;
                if (i + 1 < cues.Count && end > cues[i + 1].Start - options.MinGap)
                {
                    end = cues[i + 1].Start - options.MinGap;
                }

                if (end > cue.End)
                {
                    cue.End = end;
                }
            }

            if (cue.End - cue.Start > options.MaxDuration)
            {
                cue.End = cue.Start + options.MaxDuration;
            }
        }
    }

    /// <summary>What a viewer reads: text elements, spaces included, line breaks not.</summary>
    public static int Characters(string text)
    {
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            if (elements.GetTextElement() is not ("\n" or "\r" or "\r\n"))
            {
                count++;
            }
        }

        return count;
    }
}

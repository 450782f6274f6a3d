using System.Globalization;

namespace FluxCaption.Core.Subtitles.Formats;

internal static class SrtWriter
{
    public static string Write(SubtitleDocument document)
    {
        var lines = new List<string>();
        var cues = document.Cues;
        for (var index = 0; index < cues.Count; index++)
        {
            var cue = cues[index];
            // A cue without a number gets its position: numberless SRT is rejected by many players.
            lines.Add(cue.Identifier ?? (index + 1).ToString(CultureInfo.InvariantCulture));
            lines.Add(TimingLine.Format(cue, webVtt: false));
            if (cue.Text.Length > 0)
            {
                lines.AddRange(cue.Text.Split('\n'));
            }

            var isLast = index == cues.Count - 1;
            var blankLines = cue.BlankLinesAfter ?? (isLast ? 0 : 1);
            lines.AddRange(Enumerable.Repeat("", isLast ? blankLines : Math.Max(1, blankLines)));
        }

        return TextLines.Join(lines, document.NewLine, document.EndsWithNewLine);
    }
}

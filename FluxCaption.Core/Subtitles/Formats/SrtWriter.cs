using System.Globalization;

namespace FluxCaption.Core.Subtitles.Formats;

internal static class SrtWriter
{
    public static string Write(SubtitleDocument document)
    {
        var lines = new List<string>();
        var cues = document.Cues;
        var trailing = document.TrailingBlocks ?? [];
        for (var index = 0; index < cues.Count; index++)
        {
            var cue = cues[index];
            foreach (var block in cue.BlocksBefore ?? [])
            {
                lines.AddRange(block);
                lines.Add("");
            }

            // A cue without a number gets its position: numberless SRT is rejected by many players.
            lines.Add(cue.Identifier ?? (index + 1).ToString(CultureInfo.InvariantCulture));
            lines.Add(TimingLine.Format(cue, webVtt: false));
            if (cue.Text.Length > 0)
            {
                lines.AddRange(cue.Text.Split('\n'));
            }

            var isLast = index == cues.Count - 1 && trailing.Count == 0;
            var blankLines = cue.BlankLinesAfter ?? (isLast ? 0 : 1);
            lines.AddRange(Enumerable.Repeat("", isLast ? blankLines : Math.Max(1, blankLines)));
        }

        for (var index = 0; index < trailing.Count; index++)
        {
            lines.AddRange(trailing[index]);
            if (index < trailing.Count - 1)
            {
                lines.Add("");
            }
        }

        return TextLines.Join(lines, document.NewLine, document.EndsWithNewLine);
    }
}

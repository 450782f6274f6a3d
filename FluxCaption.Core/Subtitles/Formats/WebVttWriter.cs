namespace FluxCaption.Core.Subtitles.Formats;

internal static class WebVttWriter
{
    public static string Write(SubtitleDocument document)
    {
        var header = document.WebVtt ?? new WebVttHeader();
        var lines = new List<string> { string.IsNullOrEmpty(header.Signature) ? "WEBVTT" : header.Signature };
        lines.AddRange(header.HeaderLines);

        // Units are written in order, each followed by its blank lines; raw blocks carry their own
        // extra blank lines, cues remember how many followed them.
        var units = new List<(List<string> Lines, bool IsCue, int? BlankLinesAfter)>();
        units.AddRange(header.Blocks.Select(block => (block, false, (int?)null)));
        foreach (var cue in document.Cues)
        {
            units.AddRange((cue.BlocksBefore ?? []).Select(block => (block, false, (int?)null)));
            units.Add((CueLines(cue), true, cue.BlankLinesAfter));
        }

        units.AddRange(header.TrailingBlocks.Select(block => (block, false, (int?)null)));

        lines.Add("");
        for (var index = 0; index < units.Count; index++)
        {
            var (unitLines, isCue, blankLinesAfter) = units[index];
            lines.AddRange(unitLines);
            var isLast = index == units.Count - 1;
            var blankLines = (isCue, isLast) switch
            {
                (false, true) => 0,
                (false, false) => 1,
                (true, true) => blankLinesAfter ?? 0,
                (true, false) => Math.Max(1, blankLinesAfter ?? 1),
            };
            lines.AddRange(Enumerable.Repeat("", blankLines));
        }

        return TextLines.Join(lines, document.NewLine, document.EndsWithNewLine);
    }

    private static List<string> CueLines(SubtitleCue cue)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(cue.Identifier))
        {
            lines.Add(cue.Identifier);
        }

        lines.Add(TimingLine.Format(cue, webVtt: true));
        if (cue.Text.Length > 0)
        {
            // A blank line would end the cue early; WebVTT cue text cannot hold one.
            lines.AddRange(cue.Text.Split('\n').Where(line => !TextLines.IsBlank(line)));
        }

        return lines;
    }
}

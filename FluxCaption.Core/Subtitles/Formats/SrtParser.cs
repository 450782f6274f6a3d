namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>
/// SubRip reader. Lenient where real files are (missing, duplicate or odd numbers, '.' fractions,
/// short fields, coordinates after the timing, blank lines inside a cue); a block it cannot read is
/// not a cue, as players skip it, but is kept as written (with a warning) so the file loses nothing.
/// </summary>
internal static class SrtParser
{
    public static SubtitleDocument Parse(string text)
    {
        var source = TextLines.Split(text);
        var lines = source.Lines;
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.Srt,
            NewLine = source.NewLine,
            EndsWithNewLine = source.EndsWithNewLine,
        };

        var i = 0;
        while (i < lines.Count && TextLines.IsBlank(lines[i]))
        {
            i++;
        }

        if (i == lines.Count)
        {
            throw new SubtitleFormatException("the file is empty");
        }

        var pending = new List<List<string>>();
        while (i < lines.Count)
        {
            i = ReadBlock(lines, i, document, pending);
        }

        if (document.Cues.Count == 0)
        {
            var reason = document.Warnings.Count > 0 ? document.Warnings[0].Message : "no cue has a timing line";
            throw new SubtitleFormatException(document.Warnings.FirstOrDefault()?.Line ?? 1, $"no valid SRT cue found ({reason})");
        }

        document.TrailingBlocks = pending.Count > 0 ? pending : null;

        return document;
    }

    private static int ReadBlock(List<string> lines, int i, SubtitleDocument document, List<List<string>> pending)
    {
        string? identifier = null;
        var timingIndex = i;
        if (!TimingLine.LooksLikeTiming(lines[i]))
        {
            if (i + 1 < lines.Count && TimingLine.LooksLikeTiming(lines[i + 1]))
            {
                identifier = lines[i];
                timingIndex = i + 1;
            }
            else
            {
                document.Warnings.Add(new(i + 1, SubtitleParseOutcome.KeptVerbatim, $"'{lines[i]}' starts a block without a timing line; the block was {SubtitleParseWarning.KeptAsWritten}"));
                return KeepBlock(lines, i, CollectText(lines, i + 1, null, out var blankLines), blankLines, pending);
            }
        }

        var timing = TimingLine.TryParse(lines[timingIndex], webVtt: false);
        if (timing is null)
        {
            document.Warnings.Add(new(timingIndex + 1, SubtitleParseOutcome.KeptVerbatim, $"'{lines[timingIndex]}' is not a valid SRT timing; the cue was {SubtitleParseWarning.KeptAsWritten}"));
            return KeepBlock(lines, i, CollectText(lines, timingIndex + 1, null, out var blankLines), blankLines, pending);
        }

        if (!timing.IsCanonical)
        {
            document.Warnings.Add(new(
                timingIndex + 1,
                SubtitleParseOutcome.Repaired,
                $"'{lines[timingIndex]}' is not in the form hh:mm:ss,mmm; read as {Timestamps.FormatSrt(timing.Start)} --> {Timestamps.FormatSrt(timing.End)}"));
        }

        var text = new List<string>();
        var next = CollectText(lines, timingIndex + 1, text, out var blankLinesAfter);
        document.Cues.Add(new SubtitleCue
        {
            Start = timing.Start,
            End = timing.End,
            Settings = timing.Settings,
            Identifier = identifier,
            Text = string.Join('\n', text),
            SourceTiming = timing.Source,
            BlankLinesAfter = blankLinesAfter,
            BlocksBefore = pending.Count > 0 ? [.. pending] : null,
        });
        pending.Clear();
        return next;
    }

    // The block goes back into the file where it was; blank lines beyond the one that separates
    // blocks stay with it, as WebVTT raw blocks keep theirs.
    private static int KeepBlock(List<string> lines, int start, int next, int blankLinesAfter, List<List<string>> pending)
    {
        var block = lines.GetRange(start, next - blankLinesAfter - start);
        block.AddRange(Enumerable.Repeat("", Math.Max(0, blankLinesAfter - (next < lines.Count ? 1 : 0))));
        pending.Add(block);
        return next;
    }

    // Reads cue text up to the next cue. A blank line only ends the cue when what follows starts a
    // new block (a number, a timing, or an id over a timing): real files put blank lines inside cues.
    private static int CollectText(List<string> lines, int j, List<string>? text, out int blankLinesAfter)
    {
        blankLinesAfter = 0;
        while (j < lines.Count)
        {
            if (TextLines.IsBlank(lines[j]))
            {
                var k = j;
                while (k < lines.Count && TextLines.IsBlank(lines[k]))
                {
                    k++;
                }

                if (k == lines.Count || StartsBlock(lines, k))
                {
                    blankLinesAfter = k - j;
                    return k;
                }

                text?.AddRange(lines.GetRange(j, k - j));
                j = k;
                continue;
            }

            if (StartsCueWithoutBlankLine(lines, j))
            {
                return j;
            }

            text?.Add(lines[j]);
            j++;
        }

        return j;
    }

    private static bool StartsBlock(List<string> lines, int k) =>
        TimingLine.LooksLikeTiming(lines[k])
        || IsNumber(lines[k])
        || (k + 1 < lines.Count && TimingLine.LooksLikeTiming(lines[k + 1]) && !TextLines.IsBlank(lines[k]));

    private static bool StartsCueWithoutBlankLine(List<string> lines, int j) =>
        (TimingLine.TryParse(lines[j], webVtt: false) is not null)
        || (IsNumber(lines[j]) && j + 1 < lines.Count && TimingLine.TryParse(lines[j + 1], webVtt: false) is not null);

    private static bool IsNumber(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit);
    }
}

namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>
/// WebVTT reader. Keeps the signature line, header lines and every STYLE/REGION/NOTE block as written;
/// a block with a broken timing is kept as written (so a write-back loses nothing) but is not a cue.
/// </summary>
internal static class WebVttParser
{
    public static SubtitleDocument Parse(string text)
    {
        var source = TextLines.Split(text);
        var lines = source.Lines;
        if (lines.All(TextLines.IsBlank))
        {
            throw new SubtitleFormatException("the file is empty");
        }

        var signature = lines[0];
        if (!signature.StartsWith("WEBVTT", StringComparison.Ordinal)
            || (signature.Length > 6 && signature[6] is not (' ' or '\t')))
        {
            throw new SubtitleFormatException(1, $"'{Shorten(signature)}' is not a WebVTT signature (the file must start with WEBVTT)");
        }

        var header = new WebVttHeader { Signature = signature };
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.WebVtt,
            WebVtt = header,
            NewLine = source.NewLine,
            EndsWithNewLine = source.EndsWithNewLine,
        };

        var i = 1;
        while (i < lines.Count && !TextLines.IsBlank(lines[i]) && !TimingLine.LooksLikeTiming(lines[i]))
        {
            header.HeaderLines.Add(lines[i]);
            i++;
        }

        // Extra blank lines are kept inside the raw parts they follow, so spacing round-trips.
        i = SkipBlankLines(lines, i, header.HeaderLines, separatorExpected: true);

        var pending = new List<List<string>>();
        while (i < lines.Count)
        {
            i = ReadBlock(lines, i, document, pending);
        }

        if (document.Cues.Count == 0)
        {
            throw new SubtitleFormatException(
                document.Warnings.FirstOrDefault()?.Line ?? 1,
                document.Warnings.Count > 0 ? $"no valid WebVTT cue found ({document.Warnings[0].Message})" : "no WebVTT cue found");
        }

        header.TrailingBlocks = pending;
        return document;
    }

    private static int ReadBlock(List<string> lines, int i, SubtitleDocument document, List<List<string>> pending)
    {
        var first = lines[i];
        var secondIsTiming = i + 1 < lines.Count && !TextLines.IsBlank(lines[i + 1]) && IsCueTimingAttempt(lines[i + 1]);
        if (!TimingLine.LooksLikeTiming(first) && (!secondIsTiming || IsKeywordBlock(first)))
        {
            var block = ReadRawBlock(lines, ref i);
            if (!IsKeywordBlock(first))
            {
                document.Warnings.Add(new(i - block.Count + 1, SubtitleParseOutcome.KeptVerbatim, $"'{Shorten(first)}' is neither a cue nor a NOTE, STYLE or REGION block; it was {SubtitleParseWarning.KeptAsWritten}"));
            }

            AddRawBlock(document, pending, block);
            return SkipBlankLines(lines, i, block, separatorExpected: true);
        }

        string? identifier = null;
        var timingIndex = i;
        if (!TimingLine.LooksLikeTiming(first))
        {
            identifier = first;
            timingIndex = i + 1;
        }

        var timing = TimingLine.TryParse(lines[timingIndex], webVtt: true);
        if (timing is null)
        {
            document.Warnings.Add(new(timingIndex + 1, SubtitleParseOutcome.KeptVerbatim, $"'{Shorten(lines[timingIndex])}' is not a valid WebVTT timing; the cue was {SubtitleParseWarning.KeptAsWritten}"));
            var block = ReadRawBlock(lines, ref i);
            AddRawBlock(document, pending, block);
            return SkipBlankLines(lines, i, block, separatorExpected: true);
        }

        if (!timing.IsCanonical)
        {
            document.Warnings.Add(new(
                timingIndex + 1,
                SubtitleParseOutcome.Repaired,
                $"'{Shorten(lines[timingIndex])}' is not in the form [hh:]mm:ss.ttt; read as {Timestamps.FormatWebVtt(timing.Start)} --> {Timestamps.FormatWebVtt(timing.End)}"));
        }

        var text = new List<string>();
        var j = timingIndex + 1;
        while (j < lines.Count && !TextLines.IsBlank(lines[j]))
        {
            // youtube-dl writes the next timing straight after the text, without a blank line.
            if (TimingLine.TryParse(lines[j], webVtt: true) is not null)
            {
                document.Warnings.Add(new(j + 1, SubtitleParseOutcome.Repaired, "a timing line follows cue text without a blank line; read as the start of a new cue"));
                break;
            }

            text.Add(lines[j]);
            j++;
        }

        var next = j;
        while (next < lines.Count && TextLines.IsBlank(lines[next]))
        {
            next++;
        }

        document.Cues.Add(new SubtitleCue
        {
            Start = timing.Start,
            End = timing.End,
            Settings = timing.Settings,
            Identifier = identifier,
            Text = string.Join('\n', text),
            SourceTiming = timing.Source,
            BlankLinesAfter = next - j,
            BlocksBefore = pending.Count > 0 ? [.. pending] : null,
        });
        pending.Clear();
        return next;
    }

    private static void AddRawBlock(SubtitleDocument document, List<List<string>> pending, List<string> block)
    {
        if (document.Cues.Count == 0)
        {
            document.WebVtt!.Blocks.Add(block);
        }
        else
        {
            pending.Add(block);
        }
    }

    private static List<string> ReadRawBlock(List<string> lines, ref int i)
    {
        var block = new List<string>();
        while (i < lines.Count && !TextLines.IsBlank(lines[i]))
        {
            block.Add(lines[i]);
            i++;
        }

        return block;
    }

    private static int SkipBlankLines(List<string> lines, int i, List<string> owner, bool separatorExpected)
    {
        var start = i;
        while (i < lines.Count && TextLines.IsBlank(lines[i]))
        {
            i++;
        }

        var extra = i - start - (separatorExpected && i < lines.Count ? 1 : 0);
        owner.AddRange(Enumerable.Repeat("", Math.Max(0, extra)));
        return i;
    }

    // "# 00:01:30.000 --> ..." (commented-out cue in the acid test) is text, not an attempted cue.
    private static bool IsCueTimingAttempt(string line) =>
        TimingLine.LooksLikeTiming(line) && line.TrimStart() is { Length: > 0 } trimmed && char.IsAsciiDigit(trimmed[0]);

    private static bool IsKeywordBlock(string line) =>
        IsKeyword(line, "NOTE") || IsKeyword(line, "STYLE") || IsKeyword(line, "REGION");

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal)
        && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}

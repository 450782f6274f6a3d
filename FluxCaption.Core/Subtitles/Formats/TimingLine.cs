namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>A parsed "start --> end [settings]" line as SRT and WebVTT write it.</summary>
internal sealed record TimingLine(TimeSpan Start, TimeSpan End, string? Settings, SourceTiming Source, bool IsCanonical)
{
    public const string Arrow = "-->";

    public static bool LooksLikeTiming(string line) => line.Contains(Arrow, StringComparison.Ordinal);

    public static TimingLine? TryParse(string line, bool webVtt)
    {
        var arrow = line.IndexOf(Arrow, StringComparison.Ordinal);
        if (arrow < 0)
        {
            return null;
        }

        var startText = line[..arrow].Trim();
        var afterArrow = line[(arrow + Arrow.Length)..];
        var endOffset = arrow + Arrow.Length + (afterArrow.Length - afterArrow.TrimStart().Length);
        var endLength = 0;
        while (endOffset + endLength < line.Length && !char.IsWhiteSpace(line[endOffset + endLength]))
        {
            endLength++;
        }

        var endText = line.Substring(endOffset, endLength);
        if (!Timestamps.TryParseLenient(startText, requireHours: false, out var start)
            || !Timestamps.TryParseLenient(endText, requireHours: false, out var end))
        {
            return null;
        }

        var coreLength = endOffset + endLength;
        var tail = line[coreLength..];
        var settings = tail.Trim();
        var canonical = webVtt
            ? Timestamps.IsStrictWebVtt(startText, start) && Timestamps.IsStrictWebVtt(endText, end)
            : Timestamps.IsStrictSrt(startText, start) && Timestamps.IsStrictSrt(endText, end);
        return new TimingLine(
            start,
            end,
            settings.Length == 0 ? null : settings,
            new SourceTiming(webVtt ? SubtitleFormat.WebVtt : SubtitleFormat.Srt, start, end, startText, endText, line[..coreLength], tail),
            canonical);
    }

    /// <summary>The timing line for a cue: as written when unchanged, else canonical.</summary>
    public static string Format(SubtitleCue cue, bool webVtt)
    {
        var settings = string.IsNullOrEmpty(cue.Settings) ? null : cue.Settings;
        var format = webVtt ? SubtitleFormat.WebVtt : SubtitleFormat.Srt;
        if (cue.SourceTiming is { LineText: { } lineText } source && source.Format == format && source.Matches(cue))
        {
            if (source.Tail.Trim() == (settings ?? ""))
            {
                return lineText + source.Tail;
            }

            return settings is null ? lineText : $"{lineText} {settings}";
        }

        var start = webVtt ? Timestamps.FormatWebVtt(cue.Start) : Timestamps.FormatSrt(cue.Start);
        var end = webVtt ? Timestamps.FormatWebVtt(cue.End) : Timestamps.FormatSrt(cue.End);
        return settings is null ? $"{start} --> {end}" : $"{start} --> {end} {settings}";
    }
}

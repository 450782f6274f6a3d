using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// SRT and WebVTT reading/writing for the pipeline until the Subtitles component's parsers and
/// writers (SubtitleFile, SubtitleWriter, SubtitleConverter) are merged; then this class is replaced
/// by one that delegates to them. ASS/SSA is refused with <see cref="JobErrorCodes.UnsupportedFormat"/>.
/// </summary>
internal sealed partial class InterimSubtitleContentCodec : ISubtitleContentCodec
{
    public SubtitleDocument Read(string content, SubtitleFormat format)
    {
        EnsureSupported(format);
        var newLine = content.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var document = new SubtitleDocument { Format = format, NewLine = newLine, EndsWithNewLine = content.EndsWith('\n') };
        if (format == SubtitleFormat.WebVtt)
        {
            document.WebVtt = new WebVttHeader();
        }

        var blocks = BlockSeparator().Split(content.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n', '\uFEFF'));
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').ToList();
            var timingLine = lines.FindIndex(line => line.Contains("-->", StringComparison.Ordinal));
            if (timingLine < 0)
            {
                if (format == SubtitleFormat.WebVtt && document.WebVtt is { } header && lines.Count > 0 && lines[0].StartsWith("WEBVTT", StringComparison.Ordinal))
                {
                    header.Signature = lines[0];
                    header.HeaderLines.AddRange(lines.Skip(1));
                }

                continue;
            }

            var timing = Timing().Match(lines[timingLine]);
            if (!timing.Success)
            {
                throw new JobFailureException(JobErrorCodes.ParseError, $"Unreadable timing line '{lines[timingLine]}'.");
            }

            document.Cues.Add(new SubtitleCue
            {
                Identifier = timingLine > 0 ? lines[timingLine - 1] : null,
                Start = ParseTime(timing.Groups["start"].Value),
                End = ParseTime(timing.Groups["end"].Value),
                Settings = timing.Groups["settings"].Value.Trim() is { Length: > 0 } settings ? settings : null,
                Text = string.Join('\n', lines.Skip(timingLine + 1)),
            });
        }

        if (document.Cues.Count == 0)
        {
            throw new JobFailureException(JobErrorCodes.ParseError, "The subtitle has no cues.");
        }

        return document;
    }

    public string Write(SubtitleDocument document)
    {
        EnsureSupported(document.Format);
        var vtt = document.Format == SubtitleFormat.WebVtt;
        var output = new StringBuilder();
        if (vtt)
        {
            output.Append(document.WebVtt?.Signature ?? "WEBVTT").Append('\n');
            foreach (var line in document.WebVtt?.HeaderLines ?? [])
            {
                output.Append(line).Append('\n');
            }

            output.Append('\n');
        }

        for (var index = 0; index < document.Cues.Count; index++)
        {
            var cue = document.Cues[index];
            var identifier = vtt ? cue.Identifier : (cue.Identifier ?? (index + 1).ToString(CultureInfo.InvariantCulture));
            if (identifier is not null)
            {
                output.Append(identifier).Append('\n');
            }

            output.Append(FormatTime(cue.Start, vtt)).Append(" --> ").Append(FormatTime(cue.End, vtt));
            if (cue.Settings is not null)
            {
                output.Append(' ').Append(cue.Settings);
            }

            output.Append('\n').Append(cue.Text).Append('\n');
            if (index < document.Cues.Count - 1)
            {
                output.Append('\n');
            }
        }

        var text = output.ToString();
        if (!document.EndsWithNewLine)
        {
            text = text.TrimEnd('\n');
        }

        return document.NewLine == "\n" ? text : text.Replace("\n", document.NewLine, StringComparison.Ordinal);
    }

    public SubtitleDocument Convert(SubtitleDocument document, SubtitleFormat format)
    {
        EnsureSupported(format);
        return new SubtitleDocument
        {
            Format = format,
            NewLine = document.NewLine,
            EndsWithNewLine = document.EndsWithNewLine,
            WebVtt = format == SubtitleFormat.WebVtt ? new WebVttHeader() : null,
            Cues = document.Cues.Select(cue =>
            {
                var copy = cue.Clone();
                copy.Ass = null;
                copy.Identifier = null;
                copy.Settings = null;
                return copy;
            }).ToList(),
        };
    }

    private static void EnsureSupported(SubtitleFormat format)
    {
        if (format is not (SubtitleFormat.Srt or SubtitleFormat.WebVtt))
        {
            throw new JobFailureException(JobErrorCodes.UnsupportedFormat, $"The {format} format is not supported by the pipeline yet.");
        }
    }

    private static TimeSpan ParseTime(string value)
    {
        var parts = value.Replace(',', '.').Split(':');
        var (hours, minutes, seconds) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : ("0", parts[0], parts[1]);
        return new TimeSpan(0, int.Parse(hours, CultureInfo.InvariantCulture), int.Parse(minutes, CultureInfo.InvariantCulture), 0)
            + TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
    }

    private static string FormatTime(TimeSpan time, bool vtt) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{(vtt ? '.' : ',')}{time.Milliseconds:000}");

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex BlockSeparator();

    [GeneratedRegex(@"^\s*(?<start>(\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*(?<end>(\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})(?<settings>.*)$")]
    private static partial Regex Timing();
}

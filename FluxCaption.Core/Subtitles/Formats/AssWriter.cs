namespace FluxCaption.Core.Subtitles.Formats;

internal static class AssWriter
{
    public static string Write(SubtitleDocument document)
    {
        var script = document.Ass ?? new AssScript();
        var format = script.EventFormat.Count > 0
            ? script.EventFormat
            : [.. document.Format == SubtitleFormat.Ssa ? AssFormat.DefaultSsaEventFormat : AssFormat.DefaultAssEventFormat];
        var lines = new List<string>();
        var wroteEvents = false;
        foreach (var section in script.Sections)
        {
            if (section.Name.Length > 0)
            {
                lines.Add($"[{section.Name}]");
            }

            if (!AssFormat.IsEvents(section) || wroteEvents)
            {
                lines.AddRange(section.Lines);
                continue;
            }

            var formatIndex = section.Lines.FindIndex(line => AssFormat.IsFieldLine(line, "Format", out _));
            if (formatIndex < 0)
            {
                lines.Add(FormatLine(format));
            }

            var insertAt = section.EventsAt ?? formatIndex + 1;
            lines.AddRange(section.Lines.Take(insertAt));
            AddEvents(lines, document, format);
            lines.AddRange(section.Lines.Skip(insertAt));
            wroteEvents = true;
        }

        if (!wroteEvents)
        {
            if (lines.Count > 0 && !TextLines.IsBlank(lines[^1]))
            {
                lines.Add("");
            }

            lines.Add($"[{AssFormat.EventsSection}]");
            lines.Add(FormatLine(format));
            AddEvents(lines, document, format);
        }

        return TextLines.Join(lines, document.NewLine, document.EndsWithNewLine);
    }

    private static string FormatLine(IReadOnlyList<string> format) => "Format: " + string.Join(", ", format);

    private static void AddEvents(List<string> lines, SubtitleDocument document, IReadOnlyList<string> format)
    {
        foreach (var cue in document.Cues)
        {
            lines.Add(EventLine(cue, format));
            lines.AddRange(cue.LinesAfter ?? []);
        }
    }

    // Keeps padding such as "Style     ," while the value itself is unchanged.
    private static string AsWritten(AssEventFields fields, IReadOnlyList<string> format, int index, string value) =>
        fields.SourceValues is { } source && source.Length == format.Count && index < format.Count - 1 && source[index].Trim() == value
            ? source[index]
            : value;

    private static string EventLine(SubtitleCue cue, IReadOnlyList<string> format)
    {
        var fields = cue.Ass ?? new AssEventFields();
        var timing = cue.SourceTiming is { Format: SubtitleFormat.Ass } source && source.Matches(cue) ? source : null;
        var values = format.Select((field, index) => AsWritten(fields, format, index, AssFormat.Canonical(field) switch
        {
            "layer" => fields.Layer.StartsWith("Marked=", StringComparison.OrdinalIgnoreCase) ? "0" : fields.Layer,
            "marked" => fields.Layer.StartsWith("Marked=", StringComparison.OrdinalIgnoreCase) ? fields.Layer : "Marked=0",
            "start" => timing?.StartText ?? Timestamps.FormatAss(cue.Start),
            "end" => timing?.EndText ?? Timestamps.FormatAss(cue.End),
            "style" => fields.Style,
            "name" => fields.Name,
            "marginl" => fields.MarginL,
            "marginr" => fields.MarginR,
            "marginv" => fields.MarginV,
            "effect" => fields.Effect,
            "text" => cue.Text.Replace("\r\n", "\\N", StringComparison.Ordinal).Replace("\n", "\\N", StringComparison.Ordinal),
            _ => fields.OtherFields?.GetValueOrDefault(field) ?? "",
        }));
        return $"{(fields.IsComment ? "Comment" : "Dialogue")}: {string.Join(',', values)}";
    }
}

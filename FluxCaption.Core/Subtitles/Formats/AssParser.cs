namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>
/// ASS and SSA reader. Every line that is not an event stays raw in its section (styles, script
/// info, UU-encoded attachments byte for byte, unknown sections); events follow the [Events] Format line.
/// </summary>
internal static class AssParser
{
    public static SubtitleDocument Parse(string text, SubtitleFormat? expected = null)
    {
        var source = TextLines.Split(text);
        var lines = source.Lines;
        if (lines.All(TextLines.IsBlank))
        {
            throw new SubtitleFormatException("the file is empty");
        }

        var script = new AssScript();
        var document = new SubtitleDocument
        {
            Ass = script,
            NewLine = source.NewLine,
            EndsWithNewLine = source.EndsWithNewLine,
        };

        AssSection? current = null;
        SubtitleCue? lastEvent = null;
        var sawEventsSection = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (AssFormat.SectionName(line, current?.Name) is { } name)
            {
                current = new AssSection { Name = name };
                script.Sections.Add(current);
                sawEventsSection |= AssFormat.IsEvents(current);
                lastEvent = null;
                continue;
            }

            if (current is null)
            {
                current = new AssSection();
                script.Sections.Add(current);
            }

            if (!AssFormat.IsEvents(current))
            {
                current.Lines.Add(line);
                continue;
            }

            if (AssFormat.IsFieldLine(line, "Format", out var format))
            {
                script.EventFormat = format.Split(',').Select(field => field.Trim()).ToList();
                current.Lines.Add(line);
            }
            else if (AssFormat.IsFieldLine(line, "Dialogue", out var dialogue) || AssFormat.IsFieldLine(line, "Comment", out dialogue))
            {
                var isComment = line.TrimStart().StartsWith("Comment", StringComparison.OrdinalIgnoreCase);
                if (ReadEvent(dialogue, isComment, i + 1, script, document, expected) is { } cue)
                {
                    current.EventsAt ??= current.Lines.Count;
                    lastEvent = cue;
                }
                else
                {
                    // An event that cannot be read stays a raw line at its place, like a comment line.
                    KeepLine(line, lastEvent, current);
                }
            }
            else
            {
                KeepLine(line, lastEvent, current);
            }
        }

        if (!sawEventsSection)
        {
            throw new SubtitleFormatException("the script has no [Events] section");
        }

        if (document.Cues.Count == 0)
        {
            throw new SubtitleFormatException(
                document.Warnings.FirstOrDefault()?.Line ?? 0,
                document.Warnings.Count > 0 ? $"no valid event found ({document.Warnings[0].Message})" : "the [Events] section has no Dialogue or Comment line");
        }

        document.Format = DetectVariant(script, expected);
        return document;
    }

    // Lines between events stay with the event they follow, lines before the first event in the
    // section (which the writer puts back before the events), so the layout round-trips.
    private static void KeepLine(string line, SubtitleCue? lastEvent, AssSection section)
    {
        if (lastEvent is not null)
        {
            (lastEvent.LinesAfter ??= []).Add(line);
        }
        else
        {
            section.Lines.Add(line);
        }
    }

    private static SubtitleCue? ReadEvent(
        string body, bool isComment, int lineNumber, AssScript script, SubtitleDocument document, SubtitleFormat? expected)
    {
        if (script.EventFormat.Count == 0)
        {
            var defaults = DetectVariant(script, expected) == SubtitleFormat.Ssa ? AssFormat.DefaultSsaEventFormat : AssFormat.DefaultAssEventFormat;
            script.EventFormat = [.. defaults];
            document.Warnings.Add(new(lineNumber, SubtitleParseOutcome.Repaired, "the [Events] section has no Format line before its first event; the standard field order was assumed"));
        }

        var format = script.EventFormat;
        // The space after "Dialogue:" belongs to the line syntax, not to the first field.
        var values = (body.StartsWith(' ') ? body[1..] : body).Split(',', format.Count);
        if (values.Length < format.Count)
        {
            document.Warnings.Add(new(lineNumber, SubtitleParseOutcome.KeptVerbatim, $"the event has {values.Length} fields but the Format line names {format.Count}; the event was {SubtitleParseWarning.KeptAsWritten}"));
            return null;
        }

        var fields = new AssEventFields { IsComment = isComment, SourceValues = values };
        var cue = new SubtitleCue { Ass = fields };
        string startText = "", endText = "";
        for (var f = 0; f < format.Count; f++)
        {
            var value = f == format.Count - 1 ? values[f] : values[f].Trim();
            switch (AssFormat.Canonical(format[f]))
            {
                case "layer" or "marked": fields.Layer = value; break;
                case "start": startText = value; break;
                case "end": endText = value; break;
                case "style": fields.Style = value; break;
                case "name": fields.Name = value; break;
                case "marginl": fields.MarginL = value; break;
                case "marginr": fields.MarginR = value; break;
                case "marginv": fields.MarginV = value; break;
                case "effect": fields.Effect = value; break;
                case "text": cue.Text = value; break;
                default:
                    fields.OtherFields ??= new(StringComparer.OrdinalIgnoreCase);
                    fields.OtherFields[format[f]] = value;
                    break;
            }
        }

        if (!Timestamps.TryParseAss(startText, out var start) || !Timestamps.TryParseAss(endText, out var end))
        {
            document.Warnings.Add(new(lineNumber, SubtitleParseOutcome.KeptVerbatim, $"'{startText}' / '{endText}' is not a valid h:mm:ss.cc event timing; the event was {SubtitleParseWarning.KeptAsWritten}"));
            return null;
        }

        if (!IsCanonical(startText) || !IsCanonical(endText))
        {
            document.Warnings.Add(new(lineNumber, SubtitleParseOutcome.Repaired, $"'{startText}' / '{endText}' is not in the form h:mm:ss.cc; read as {Timestamps.FormatAss(start)} / {Timestamps.FormatAss(end)}"));
        }

        cue.Start = start;
        cue.End = end;
        cue.SourceTiming = new SourceTiming(SubtitleFormat.Ass, start, end, startText, endText);
        document.Cues.Add(cue);
        return cue;
    }

    // Two fraction digits after a '.', as every ASS writer emits; hours may be padded.
    private static bool IsCanonical(string time) =>
        time.Length >= 4 && time[^3] == '.' && char.IsAsciiDigit(time[^2]) && char.IsAsciiDigit(time[^1]);

    private static SubtitleFormat DetectVariant(AssScript script, SubtitleFormat? expected)
    {
        foreach (var line in script.Sections.Where(s => s.Name.Equals("Script Info", StringComparison.OrdinalIgnoreCase)).SelectMany(s => s.Lines))
        {
            if (AssFormat.IsFieldLine(line, "ScriptType", out var type) || AssFormat.IsFieldLine(line, "Script Type", out type))
            {
                var value = type.Trim();
                if (value.Equals("v4.00+", StringComparison.OrdinalIgnoreCase) || value.Equals("v4.00++", StringComparison.OrdinalIgnoreCase))
                {
                    return SubtitleFormat.Ass;
                }

                if (value.Equals("v4.00", StringComparison.OrdinalIgnoreCase))
                {
                    return SubtitleFormat.Ssa;
                }
            }
        }

        if (script.Sections.Any(s => s.Name.Equals("V4+ Styles", StringComparison.OrdinalIgnoreCase)))
        {
            return SubtitleFormat.Ass;
        }

        if (script.Sections.Any(s => s.Name.Equals("V4 Styles", StringComparison.OrdinalIgnoreCase))
            || script.EventFormat.FirstOrDefault()?.Equals("Marked", StringComparison.OrdinalIgnoreCase) == true)
        {
            return SubtitleFormat.Ssa;
        }

        return expected == SubtitleFormat.Ssa ? SubtitleFormat.Ssa : SubtitleFormat.Ass;
    }
}

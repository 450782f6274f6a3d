using System.Globalization;
using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// Checks a person's changed cues against the version they edit and applies them to a copy of it. Every
/// problem names the cue (as a person counts: cue 1 is index 0) and the field, under the key
/// <c>cues[index].field</c>; nothing is applied while any problem remains. Only text and timing change:
/// the cue's format-specific parts (ASS style and layer, WebVTT settings) stay as they were.
/// </summary>
internal static class SubtitleEdits
{
    public static Dictionary<string, string[]> Validate(NewSubtitleVersionRequest request, SubtitleDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        var edits = request.Cues ?? [];
        if (edits.Count > SubtitleEditLimits.MaxEditedCues)
        {
            errors["cues"] = [$"One version may change at most {SubtitleEditLimits.MaxEditedCues:N0} cues; this request changes {edits.Count:N0}."];
            return errors;
        }

        if (request.EditedBy is { Length: > SubtitleEditLimits.MaxEditedByLength })
        {
            errors["editedBy"] = [$"The editor's name may have at most {SubtitleEditLimits.MaxEditedByLength} characters."];
        }

        var seen = new HashSet<int>();
        foreach (var edit in edits)
        {
            if (edit is null)
            {
                errors["cues"] = ["A cue in the list is null."];
                continue;
            }

            var key = $"cues[{edit.Index}]";
            if (edit.Index < 0 || edit.Index >= document.Cues.Count)
            {
                errors[$"{key}.index"] = [$"There is no cue {edit.Index}; this subtitle has cues 0 to {document.Cues.Count - 1}."];
                continue;
            }

            var cue = $"Cue {edit.Index + 1}";
            if (!seen.Add(edit.Index))
            {
                errors[$"{key}.index"] = [$"{cue} is changed twice in one request."];
            }

            if (edit.StartMs < 0)
            {
                errors[$"{key}.startMs"] = [$"{cue} cannot start before 0 (start {edit.StartMs} ms)."];
            }

            if (edit.EndMs <= edit.StartMs)
            {
                errors[$"{key}.endMs"] = [$"{cue} must end after it starts (start {Time(edit.StartMs)}, end {Time(edit.EndMs)})."];
            }

            if (TextProblem(edit.Text, document.Format) is { } problem)
            {
                errors[$"{key}.text"] = [$"{cue}: {problem}"];
            }
        }

        return errors;
    }

    /// <summary>A copy of <paramref name="document"/> with the (validated) edits applied.</summary>
    public static SubtitleDocument Apply(SubtitleDocument document, IReadOnlyList<SubtitleCueEdit>? edits)
    {
        var edited = document.Clone();
        foreach (var edit in edits ?? [])
        {
            var cue = edited.Cues[edit.Index];
            var (start, end) = (TimeSpan.FromMilliseconds(edit.StartMs), TimeSpan.FromMilliseconds(edit.EndMs));
            // Unchanged times keep their written form (the writer reuses it while Start and End stay).
            if ((long)cue.Start.TotalMilliseconds != edit.StartMs)
            {
                cue.Start = start;
            }

            if ((long)cue.End.TotalMilliseconds != edit.EndMs)
            {
                cue.End = end;
            }

            cue.Text = StoredText(edit.Text!, document.Format);
        }

        return edited;
    }

    /// <summary>Line breaks as the format writes them inside a cue: \N in ASS/SSA, a plain line break elsewhere.</summary>
    private static string StoredText(string text, SubtitleFormat format)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return format is SubtitleFormat.Ass or SubtitleFormat.Ssa ? lines.Replace("\n", "\\N", StringComparison.Ordinal) : lines;
    }

    private static string? TextProblem(string? text, SubtitleFormat format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the text is empty; a cue needs something to show.";
        }

        if (text.Length > SubtitleEditLimits.MaxCueTextLength)
        {
            return $"the text has {text.Length:N0} characters; at most {SubtitleEditLimits.MaxCueTextLength:N0} are allowed.";
        }

        if (format is SubtitleFormat.Srt or SubtitleFormat.WebVtt)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
            // A blank line ends a cue in these formats, and "-->" starts a new one: either would split it.
            if (lines.Any(string.IsNullOrWhiteSpace))
            {
                return "the text has a blank line, which would end the cue there; remove it.";
            }

            if (text.Contains("-->", StringComparison.Ordinal))
            {
                return "the text contains \"-->\", which this format reads as a new cue's timing.";
            }
        }

        return null;
    }

    private static string Time(long milliseconds) =>
        TimeSpan.FromMilliseconds(milliseconds).ToString(milliseconds < 0 ? @"\-hh\:mm\:ss\.fff" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}

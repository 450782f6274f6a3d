using FluxCaption.Core.Subtitles.Conversion;

namespace FluxCaption.Core.Subtitles;

/// <summary>
/// Converts a document to another subtitle format. Timings are kept (ASS/SSA store centiseconds,
/// so they round to 10 ms there); markup is mapped: ASS
/// {\i1}/{\b1}/{\u1}/{\s1} &lt;-&gt; &lt;i&gt;/&lt;b&gt;/&lt;u&gt;/&lt;s&gt;, \N &lt;-&gt; line break.
/// Alignment ({\anN}) stays {\anN} at the start of SRT text (players honour it), becomes WebVTT
/// cue settings (top row "line:0", middle row "line:50%", left/right "align:left"/"align:right")
/// and legacy {\aN} in SSA; \pos/\move and other ASS effects cannot be expressed and are dropped.
/// WebVTT &lt;v Name&gt; spans become plain text, the name going to the ASS Name field. Comment
/// events and pure drawings are not emitted to SRT/WebVTT; ASS events are put in time order there.
/// </summary>
public static class SubtitleConverter
{
    public static SubtitleDocument Convert(SubtitleDocument document, SubtitleFormat target)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Format == target)
        {
            return document.Clone();
        }

        var sourceIsAss = document.Format is SubtitleFormat.Ass or SubtitleFormat.Ssa;
        var converted = new SubtitleDocument
        {
            Format = target,
            NewLine = document.NewLine,
            EndsWithNewLine = true,
        };

        var cues = document.Cues.Where(cue => !(cue.IsComment && target is SubtitleFormat.Srt or SubtitleFormat.WebVtt));
        if (sourceIsAss && target is SubtitleFormat.Srt or SubtitleFormat.WebVtt)
        {
            cues = cues.OrderBy(cue => cue.Start);
        }

        switch (target)
        {
            case SubtitleFormat.Srt:
                converted.Cues = ToHtmlCues(cues, sourceIsAss, webVtt: false);
                break;
            case SubtitleFormat.WebVtt:
                converted.WebVtt = new WebVttHeader();
                converted.Cues = ToHtmlCues(cues, sourceIsAss, webVtt: true);
                break;
            case SubtitleFormat.Ass or SubtitleFormat.Ssa:
                var legacy = target == SubtitleFormat.Ssa;
                converted.Ass = AssScriptTemplate.Create(legacy);
                converted.Cues = cues.Select(cue => ToAssCue(cue, sourceIsAss, legacy)).ToList();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown subtitle format.");
        }

        return converted;
    }

    private static CueMarkup Read(SubtitleCue cue, bool sourceIsAss) =>
        sourceIsAss ? AssMarkupReader.Read(cue.Text) : HtmlMarkupReader.Read(cue.Text, cue.Settings);

    private static List<SubtitleCue> ToHtmlCues(IEnumerable<SubtitleCue> cues, bool sourceIsAss, bool webVtt)
    {
        var result = new List<SubtitleCue>();
        foreach (var cue in cues)
        {
            var markup = Read(cue, sourceIsAss);
            var text = webVtt ? MarkupWriter.ToWebVtt(markup) : MarkupWriter.ToSrt(markup);
            if (cue.Text.Length > 0 && !markup.HasVisibleText)
            {
                // Drawings and tag-only events show nothing in SRT/WebVTT.
                continue;
            }

            result.Add(new SubtitleCue
            {
                Start = cue.Start,
                End = cue.End,
                Text = text,
                Identifier = webVtt && !sourceIsAss ? cue.Identifier : null,
                Settings = webVtt ? MarkupWriter.WebVttSettings(markup) : null,
            });
        }

        if (!webVtt)
        {
            for (var i = 0; i < result.Count; i++)
            {
                result[i].Identifier = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    private static SubtitleCue ToAssCue(SubtitleCue cue, bool sourceIsAss, bool legacy)
    {
        var markup = Read(cue, sourceIsAss);
        var fields = sourceIsAss && cue.Ass is not null ? cue.Ass.Clone() : new AssEventFields();
        fields.SourceValues = null;
        fields.Layer = legacy ? "Marked=0" : fields.Layer.StartsWith("Marked=", StringComparison.OrdinalIgnoreCase) ? "0" : fields.Layer;

        // The converted script is fresh: the source's styles do not exist in it.
        fields.Style = "Default";
        if (markup.Voice is not null)
        {
            fields.Name = markup.Voice;
        }

        return new SubtitleCue
        {
            Start = cue.Start,
            End = cue.End,
            // Between ASS and SSA the override blocks carry over; only alignment needs the other notation.
            Text = sourceIsAss ? (legacy ? AssAlignment.ToLegacy(cue.Text) : cue.Text) : MarkupWriter.ToAss(markup, legacy),
            Ass = fields,
        };
    }
}

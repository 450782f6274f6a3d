namespace FluxCaption.Core.Subtitles;

/// <summary>
/// One timed event. <see cref="Text"/> is kept in the document's own markup: for SRT and WebVTT the
/// lines joined with '\n' with their tags (&lt;i&gt;, {\an8}, &lt;v Name&gt;...); for ASS/SSA the raw
/// Text field (override blocks and \N as written). Translation protects that markup; writers emit it.
/// </summary>
public sealed class SubtitleCue
{
    public TimeSpan Start { get; set; }

    public TimeSpan End { get; set; }

    public string Text { get; set; } = "";

    /// <summary>SRT sequence number or WebVTT cue identifier as written (null when absent).</summary>
    public string? Identifier { get; set; }

    /// <summary>WebVTT cue settings after the timing (e.g. "align:start position:10%"); SRT coordinates.</summary>
    public string? Settings { get; set; }

    /// <summary>ASS/SSA event fields; null for other formats.</summary>
    public AssEventFields? Ass { get; set; }

    /// <summary>True for ASS "Comment:" events: kept, never shown, never translated.</summary>
    public bool IsComment => Ass?.IsComment ?? false;

    /// <summary>
    /// Raw blocks written between the previous cue and this one, each as its lines: WebVTT NOTE or
    /// unrecognised blocks, and SRT or WebVTT blocks whose timing could not be read (kept, never translated).
    /// </summary>
    public List<List<string>>? BlocksBefore { get; set; }

    /// <summary>Timing text as written, reused by writers while Start/End are unchanged.</summary>
    internal SourceTiming? SourceTiming { get; set; }

    /// <summary>Blank lines that followed the cue in the source (null: the format's usual spacing).</summary>
    internal int? BlankLinesAfter { get; set; }

    /// <summary>ASS/SSA: non-event lines (blank, comments, garbage) that followed this event in [Events].</summary>
    internal List<string>? LinesAfter { get; set; }

    public SubtitleCue Clone() => new()
    {
        Start = Start,
        End = End,
        Text = Text,
        Identifier = Identifier,
        Settings = Settings,
        Ass = Ass?.Clone(),
        BlocksBefore = BlocksBefore?.Select(block => block.ToList()).ToList(),
        SourceTiming = SourceTiming,
        BlankLinesAfter = BlankLinesAfter,
        LinesAfter = LinesAfter is null ? null : [.. LinesAfter],
    };
}

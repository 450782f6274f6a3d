namespace FluxCaption.Core.Subtitles;

/// <summary>
/// A parsed subtitle file: its cues in file order plus whatever the format carries besides cues
/// (ASS script info, styles, fonts; WebVTT header, STYLE/REGION/NOTE blocks), kept so a write-back
/// without changes reproduces the file.
/// </summary>
public sealed class SubtitleDocument
{
    public SubtitleFormat Format { get; set; }

    public List<SubtitleCue> Cues { get; set; } = [];

    /// <summary>Format-specific parts other than cues; null for SRT.</summary>
    public AssScript? Ass { get; set; }

    public WebVttHeader? WebVtt { get; set; }

    /// <summary>Line ending found in the source ("\n", "\r\n" or "\r"); writers use it.</summary>
    public string NewLine { get; set; } = "\n";

    /// <summary>Whether the source ended with a line break; writers reproduce it.</summary>
    public bool EndsWithNewLine { get; set; } = true;

    /// <summary>SRT: blocks after the last cue that the parser kept as written (WebVTT keeps its own in <see cref="WebVttHeader"/>).</summary>
    internal List<List<string>>? TrailingBlocks { get; set; }

    /// <summary>Problems the parser recovered from (blocks kept as written, repaired timestamps), each with its line.</summary>
    public List<SubtitleParseWarning> Warnings { get; set; } = [];

    /// <summary>A deep copy: cues, script, header and layout, so the copy can be edited freely.</summary>
    public SubtitleDocument Clone() => new()
    {
        Format = Format,
        Cues = Cues.Select(cue => cue.Clone()).ToList(),
        Ass = Ass?.Clone(),
        WebVtt = WebVtt?.Clone(),
        NewLine = NewLine,
        EndsWithNewLine = EndsWithNewLine,
        TrailingBlocks = TrailingBlocks?.Select(block => block.ToList()).ToList(),
        Warnings = [.. Warnings],
    };
}

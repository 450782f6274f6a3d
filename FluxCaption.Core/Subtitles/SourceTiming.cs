namespace FluxCaption.Core.Subtitles;

/// <summary>
/// The timing text exactly as the source wrote it, with the values it was read as. Writers reuse it
/// while the cue still has those values, so odd-but-valid timestamps ("00:00:013,567", "00:01:39")
/// survive an unchanged round trip; any edit of the times falls back to the canonical form.
/// </summary>
/// <param name="Format">The notation it is in: reused only when writing that same format.</param>
/// <param name="LineText">SRT/WebVTT: the line up to the end timestamp.</param>
/// <param name="Tail">SRT/WebVTT: the rest of the line (spacing and settings) as written.</param>
internal sealed record SourceTiming(
    SubtitleFormat Format,
    TimeSpan Start,
    TimeSpan End,
    string StartText,
    string EndText,
    string? LineText = null,
    string Tail = "")
{
    public bool Matches(SubtitleCue cue) => cue.Start == Start && cue.End == End;
}

using FluxCaption.Contracts.Subtitles;

namespace FluxCaption.Web.Components.Subtitles;

/// <summary>One cue in the editor: what the version holds and what the person has made of it so far.</summary>
public sealed class EditableCue(SubtitleCueView cue)
{
    public int Index { get; } = cue.Index;

    public long StartMs { get; } = cue.StartMs;

    public long EndMs { get; } = cue.EndMs;

    public string OriginalText { get; } = cue.Text;

    public string Text { get; set; } = cue.Text;

    public string? SourceText { get; } = cue.SourceText;

    public IReadOnlyList<CueMarker> Markers { get; } = cue.Markers;

    public bool IsMarked => Markers.Count > 0;

    public bool IsChanged => !string.Equals(Text, OriginalText, StringComparison.Ordinal);
}

namespace FluxCaption.Core.Subtitles.Protection;

/// <summary>A run of cue text that is either words a reader sees or markup (tags, breaks, drawings).</summary>
internal readonly record struct MarkupPiece(string Text, bool IsMarkup, bool IsOverrideBlock, bool IsLineBreak);

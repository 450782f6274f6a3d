namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>
/// Format-neutral form of one cue's text: plain runs, line breaks and the style switches every
/// format can express, plus what some formats keep outside the text (alignment, speaker).
/// </summary>
internal sealed class CueMarkup
{
    public List<MarkupToken> Tokens { get; } = [];

    /// <summary>Numpad alignment (1 bottom-left .. 9 top-right) as ASS \an writes it; null for the default.</summary>
    public int? Alignment { get; set; }

    /// <summary>WebVTT voice (speaker) name, which ASS keeps in its Name field.</summary>
    public string? Voice { get; set; }

    /// <summary>True when the source text held a vector drawing that other formats cannot show.</summary>
    public bool HadDrawing { get; set; }

    public bool HasVisibleText => Tokens.OfType<TextToken>().Any(token => !string.IsNullOrWhiteSpace(token.Text));

    public void AddText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (Tokens.Count > 0 && Tokens[^1] is TextToken previous)
        {
            Tokens[^1] = new TextToken(previous.Text + text);
        }
        else
        {
            Tokens.Add(new TextToken(text));
        }
    }
}

internal abstract record MarkupToken;

internal sealed record TextToken(string Text) : MarkupToken;

internal sealed record LineBreakToken : MarkupToken;

/// <summary>Italic, bold, underline or strike-through ('i', 'b', 'u', 's') switched on or off.</summary>
internal sealed record StyleToken(char Style, bool On) : MarkupToken;

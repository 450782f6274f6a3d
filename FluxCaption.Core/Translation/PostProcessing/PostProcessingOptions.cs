using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>How translated lines are tidied for their target script (section "Translation:PostProcessing").</summary>
public sealed class PostProcessingOptions
{
    public const string SectionName = "Translation:PostProcessing";

    /// <summary>Master switch: false leaves every translated line exactly as the engine wrote it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Chinese and Japanese: ASCII punctuation after CJK text becomes full-width.</summary>
    public bool CjkPunctuation { get; set; } = true;

    /// <summary>Re-wrap lines longer than the script's width into (at most) two balanced lines.</summary>
    public bool WrapLines { get; set; } = true;

    /// <summary>Columns per line for alphabetic scripts (Latin, Cyrillic, Greek, right-to-left, others).</summary>
    [Range(10, 200)]
    public int MaxLineWidth { get; set; } = 42;

    /// <summary>Full-width characters per line for Chinese, Japanese and Korean; a half-width character counts as half.</summary>
    [Range(4, 100)]
    public int MaxCjkLineWidth { get; set; } = 18;

    /// <summary>Right-to-left targets: wrap each line in RLE...PDF for SRT and ASS (WebVTT players resolve direction themselves).</summary>
    public bool RightToLeftEmbedding { get; set; } = true;

    /// <summary>Apertium output: collapse doubled spaces and remove spaces before punctuation (Latin-script targets).</summary>
    public bool ApertiumSpacing { get; set; } = true;
}

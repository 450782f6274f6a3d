namespace FluxCaption.Core.Libraries.Coverage;

/// <summary>The user's view of what counts as "has subtitles in this language" (settings, section "Coverage").</summary>
public sealed class CoverageRules
{
    public const string SectionName = "Coverage";

    /// <summary>
    /// Forced tracks carry only foreign-language signs and lines, so by default they do not make a
    /// language covered: the full dialogue is still missing.
    /// </summary>
    public bool ForcedCounts { get; set; }

    /// <summary>SDH tracks contain the whole dialogue (plus sound descriptions), so by default they cover.</summary>
    public bool HearingImpairedCounts { get; set; } = true;

    /// <summary>Bitmap tracks (PGS, VobSub) are real subtitles in their language; by default they cover.</summary>
    public bool BitmapCounts { get; set; } = true;

    /// <summary>
    /// Extra "covering = covered" pairs the user accepts, e.g. "zh-Hant=zh-Hans" for someone who reads
    /// both scripts. Without them scripts never cover each other.
    /// </summary>
    public List<string> Equivalences { get; set; } = [];
}

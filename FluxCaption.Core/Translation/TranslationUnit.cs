using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Translation;

/// <summary>
/// One text to translate and every cue that shows it: stacked ASS layers and repeated lines share
/// one engine segment. <see cref="Members"/>[0] is the first cue in file order and gives the id.
/// </summary>
internal sealed record TranslationUnit(IReadOnlyList<UnitMember> Members, string SourcePlain)
{
    public int CueIndex => Members[0].CueIndex;

    public ProtectedText Protected => Members[0].Protected;

    /// <summary>When the first cue is on screen: the pauses between units are where batches are best cut.</summary>
    public TimeSpan Start { get; init; }

    public TimeSpan End { get; init; }
}

/// <summary>A cue of a unit with its own markup (its tokens may differ from the first member's).</summary>
internal sealed record UnitMember(int CueIndex, ProtectedText Protected);

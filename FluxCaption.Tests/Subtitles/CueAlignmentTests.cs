using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public sealed class CueAlignmentTests
{
    private static SubtitleCue Cue(double start, double end) => new() { Start = TimeSpan.FromSeconds(start), End = TimeSpan.FromSeconds(end), Text = "x" };

    [Fact]
    public void ATranslationWithItsSourcesCuesPairsThemOneForOneWhateverTheirTiming()
    {
        // A person may have moved a translated cue; it is still the translation of the same source cue.
        var pairs = CueAlignment.Align([Cue(0, 1), Cue(5, 6), Cue(2, 3)], [Cue(0, 1), Cue(1, 2), Cue(2, 3)]);

        pairs.ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void WithFewerCuesStackedCuesOfOneTimingPairWithTheirSourcesInOrder()
    {
        // The source had a comment at 1-2 s that the conversion to the translation's format dropped.
        var source = new[] { Cue(0, 1), Cue(1, 2), Cue(3, 4), Cue(3, 4) };

        var pairs = CueAlignment.Align([Cue(0, 1), Cue(3, 4), Cue(3, 4)], source);

        pairs.ShouldBe([0, 2, 3]);
    }

    [Fact]
    public void ACueWithNoMatchingTimingPairsWithTheSourceCueItOverlapsLongest()
    {
        var pairs = CueAlignment.Align([Cue(0.9, 2.5), Cue(10, 11)], [Cue(0, 1), Cue(1, 2), Cue(2, 3)]);

        pairs.ShouldBe([1, null]);
    }
}

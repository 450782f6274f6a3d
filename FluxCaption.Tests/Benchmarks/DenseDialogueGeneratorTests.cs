using FluxCaption.Benchmarks;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Benchmarks;

public class DenseDialogueGeneratorTests
{
    [Fact]
    public void ADenseFileHasShortLinesInLongScenesAndHardLinesAtFixedIntervals()
    {
        var document = DenseDialogueGenerator.Generate(1500);

        document.Cues.Count.ShouldBe(1500);
        document.Warnings.ShouldBeEmpty();
        document.Cues.Zip(document.Cues.Skip(1)).ShouldAllBe(pair => pair.First.End <= pair.Second.Start);
        var sceneGaps = document.Cues.Zip(document.Cues.Skip(1)).Count(pair => pair.Second.Start - pair.First.End > TimeSpan.FromSeconds(10));
        sceneGaps.ShouldBeInRange(10, 30);
        document.Cues.Average(c => SubtitleMarkupProtector.PlainText(c.Text, document.Format).Length).ShouldBeLessThan(20);

        // Cue number 34 (index 33) is the second echoed one: 34 % 23 == 11.
        ScriptedModel.Echoed.ShouldContain(e => document.Cues[33].Text.StartsWith(e, StringComparison.Ordinal));
        document.Cues.Count(c => ScriptedModel.Echoed.Any(e => c.Text.StartsWith(e, StringComparison.Ordinal))).ShouldBe(1500 / DenseDialogueGenerator.EchoedEvery);
        document.Cues.Count(c => ScriptedModel.Unanswered.Any(e => c.Text.StartsWith(e, StringComparison.Ordinal))).ShouldBeInRange(38, 41);
    }
}

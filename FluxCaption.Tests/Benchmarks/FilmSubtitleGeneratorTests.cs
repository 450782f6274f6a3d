using FluxCaption.Benchmarks;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Benchmarks;

public class FilmSubtitleGeneratorTests
{
    [Theory]
    [InlineData("film")]
    [InlineData("dense")]
    public void TheSameSeedWritesTheSameFileAndAnotherSeedAnotherFile(string shape)
    {
        Func<int, string> generate = seed => shape == "dense" ? DenseDialogueGenerator.GenerateSrt(200, seed) : FilmSubtitleGenerator.GenerateSrt(200, seed);

        generate(7).ShouldBe(generate(7));
        generate(8).ShouldNotBe(generate(7));
    }

    [Fact]
    public void AFilmLengthFileHasEveryCueInOrderWithScenesTagsAndDialogueOfVariedLength()
    {
        var document = FilmSubtitleGenerator.Generate(1500);

        document.Format.ShouldBe(SubtitleFormat.Srt);
        document.Cues.Count.ShouldBe(1500);
        document.Warnings.ShouldBeEmpty();
        document.Cues.Zip(document.Cues.Skip(1)).ShouldAllBe(pair => pair.First.End <= pair.Second.Start);
        document.Cues.Zip(document.Cues.Skip(1)).Count(pair => pair.Second.Start - pair.First.End > TimeSpan.FromSeconds(10)).ShouldBeInRange(35, 190);
        document.Cues.Count(c => c.Text.Contains("<i>", StringComparison.Ordinal)).ShouldBeGreaterThan(50);
        document.Cues.Count(c => c.Text.StartsWith("{\\an8}", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        document.Cues.Count(c => c.Text.Contains('\n', StringComparison.Ordinal)).ShouldBeGreaterThan(200);

        var lengths = document.Cues.Select(c => SubtitleMarkupProtector.PlainText(c.Text, document.Format).Length).ToList();
        lengths.Min().ShouldBeLessThan(6);
        lengths.Max().ShouldBeGreaterThan(60);
        lengths.Average().ShouldBeInRange(30, 42);
    }
}

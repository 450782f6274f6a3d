using FluxCaption.Benchmarks;

namespace FluxCaption.Tests.Benchmarks;

public class TranslateBenchmarkTests
{
    [Fact]
    public async Task ASmallRunCountsTwoRequestsPerCueForTheBaselineAndTranslatesTheWholeFileInBatches()
    {
        var options = new TranslateBenchmarkOptions { Cues = 60, Slots = "2", TimeScale = 0.0001 };
        using var output = new StringWriter();

        var results = await new TranslateBenchmark(options, output).RunAsync(TestContext.Current.CancellationToken);

        results.Select(r => r.Strategy).ShouldBe(
        [
            "per-cue + proofread (baseline)",
            "FluxCaption",
            "FluxCaption, same file again",
            "FluxCaption, MaxParallelBatches left at its default",
        ]);
        var document = FilmSubtitleGenerator.Generate(60);
        var music = document.Cues.Count(c => c.Text == "♪ ♪");
        var baseline = results[0];
        baseline.Counters.Requests.ShouldBe(2 * 60);
        baseline.CuesTranslated.ShouldBe(60);
        baseline.CompletionTokensPerSourceToken.ShouldBe(2.0, tolerance: 0.05);

        foreach (var flux in results.Skip(1))
        {
            // The same file again is served from translation memory: not one request.
            var again = flux.Strategy == "FluxCaption, same file again";
            flux.Counters.Requests.ShouldBeInRange(again ? 0 : 2, again ? 0 : 12);
            flux.CuesTranslated.ShouldBe(60 - music);
            flux.Warnings.ShouldBe(0);
            flux.Counters.Durations.Count.ShouldBe((int)flux.Counters.Requests);
        }

        ResultTable.Format(results).ShouldContain("| 2 | FluxCaption | ");
    }
}

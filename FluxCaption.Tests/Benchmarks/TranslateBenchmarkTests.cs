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
            flux.Counters.RecoveryRequests.ShouldBe(0);
            flux.Counters.Durations.Count.ShouldBe((int)flux.Counters.Requests);
        }

        ResultTable.Format(results).ShouldContain("| 2 | FluxCaption | ");
    }

    [Fact]
    public async Task TheDenseShapePaysForRecoveryOnTheFirstRunOnlyBecauseKeptLinesAreRemembered()
    {
        // No budget ceiling: this file's recovery costs several times its clean estimate, and past the
        // ceiling lines are asked once only and not remembered (JobBudgetTests); here recovery and memory alone.
        var options = new TranslateBenchmarkOptions { Shape = "dense", Cues = 200, Slots = "2", TimeScale = 0.0001, BudgetCeilingFactor = 0 };
        using var output = new StringWriter();

        var results = await new TranslateBenchmark(options, output).RunAsync(TestContext.Current.CancellationToken);

        var hard = DenseDialogueGenerator.Generate(200).Cues
            .Where(c => ScriptedModel.Echoed.Concat(ScriptedModel.Unanswered).Any(o => c.Text.StartsWith(o, StringComparison.Ordinal)))
            .ToList();
        hard.Count.ShouldBe(Enumerable.Range(1, 200).Count(n => n % DenseDialogueGenerator.EchoedEvery == 11 || n % DenseDialogueGenerator.UnansweredEvery == 5));
        var first = results[1];
        var again = results[2];
        first.Counters.RecoveryRequests.ShouldBeGreaterThan(0);
        first.Warnings.ShouldBe(hard.Count);
        first.CuesTranslated.ShouldBe(200 - hard.Count);

        // Translations and the lines kept in the source both come from memory: nothing goes out again,
        // and the kept lines carry their warnings again.
        again.Counters.Requests.ShouldBe(0);
        again.Warnings.ShouldBe(hard.Count);
        output.ToString().ShouldContain("(dense, seed 2026");
    }
}

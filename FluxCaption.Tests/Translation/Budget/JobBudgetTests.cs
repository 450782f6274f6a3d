using FluxCaption.Contracts;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Budget;

/// <summary>
/// A job's budget through the real Ollama and OpenAI-compatible engines against scripted servers: the
/// estimate made before the first request, the spending counted from the servers' usage reports, and
/// the two reasons an engine stops spending (the ceiling, and a failure rate over the whole job).
/// </summary>
public class JobBudgetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEngineThatCannotTranslateMostOfAFilmStopsAfterABoundedNumberOfRequestsWithOneWarning()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        BudgetTestServices.CannotTranslateTheRest(ollama);
        await using var services = BudgetTestServices.Build(ollama);
        var lines = BudgetTestServices.Film();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "ar"), (_, _) => Task.CompletedTask, Token);

        // Before the rule: the first scene, then every later batch asked, re-asked and halved down to single lines (about 720 requests).
        ollama.ChatRequests.Count.ShouldBeLessThanOrEqualTo(10);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select((l, i) => i < BudgetTestServices.GoodCues ? "[es] " + l : l));
        result.Warnings.ShouldBeEmpty();
        var warning = result.DocumentWarnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(SubtitleTranslator.EngineStopped);
        warning.Message.ShouldStartWith($"{BudgetTestServices.Cues - BudgetTestServices.GoodCues} lines keep the source text: ollama stopped: it cannot do this language pair:");
        warning.Message.ShouldContain($"in {ollama.ChatRequests.Count} requests came back unusable");
    }

    [Fact]
    public async Task AnEngineThatCannotTranslateMostOfAFilmHandsTheRestToTheFallbackEngine()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var openAi = await ScriptedOpenAiServer.StartAsync(cancellationToken: Token);
        BudgetTestServices.CannotTranslateTheRest(ollama);
        await using var services = BudgetTestServices.Build(ollama, openAi);
        var lines = BudgetTestServices.Film();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "ar") with { Fallback = [new EngineChoice("openai")] },
            (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Count.ShouldBeLessThanOrEqualTo(10);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
        result.DocumentWarnings.ShouldBeEmpty();
        var handedOver = result.Warnings.Where(w => w.CueIndex >= BudgetTestServices.GoodCues).ToList();
        handedOver.Count.ShouldBe(BudgetTestServices.Cues - BudgetTestServices.GoodCues);
        handedOver.ShouldAllBe(w => w.Code == SubtitleTranslator.FallbackEngineCode && w.Engine == "openai");
        handedOver[^1].Message.ShouldContain("ollama stopped: it cannot do this language pair");
        // The fallback engine gets the 360 lines in full batches, not a request per line.
        openAi.ChatRequests.Count.ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public async Task PastTheCeilingOfTwiceTheEstimateAnEngineAsksEachLineOnceButNothingAgainAndTheWarningGivesTheFigures()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        BudgetTestServices.CannotTranslateTheRest(ollama);
        // The failure-rate rule off: only the ceiling can stop the engine.
        await using var services = BudgetTestServices.Build(ollama, settings: new Dictionary<string, string?> { ["Translation:FailureRateMinRequests"] = "0" });
        JobBudgetFigures? estimate = null;

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(BudgetTestServices.Film()), engine: "ollama", source: "ar") with
            {
                OnEstimated = (figures, _) => { estimate = figures; return Task.CompletedTask; },
            },
            (_, _) => Task.CompletedTask, Token);

        // Ten batches estimated, so a ceiling of 20: the first scene, 19 spent recovering the second, then
        // the first ask of each of the eight batches left, and nothing asked again.
        estimate.ShouldNotBeNull().Requests.ShouldBe(10);
        ollama.ChatRequests.Count.ShouldBe(28);
        ollama.ChatRequests.SelectMany(r => r.SegmentTexts).Distinct().Count().ShouldBe(BudgetTestServices.Cues);
        result.Spent.Requests.ShouldBe(28);
        result.Document.Cues.Take(BudgetTestServices.GoodCues).ShouldAllBe(c => c.Text.StartsWith("[es] "));
        var warning = result.DocumentWarnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(SubtitleTranslator.EngineStopped);
        warning.Message.ShouldContain("ollama stopped: it reached the job's budget ceiling: 20 requests and ");
        warning.Message.ShouldContain($"against an estimate of 10 requests and {estimate.Tokens} tokens (ceiling 20 requests or {2 * estimate.Tokens} tokens); from then on each line was asked once and not again");
    }

    [Fact]
    public async Task TheEstimateLeavesOutRememberedLinesAndTheSpendingIsWhatTheServerReported()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = BudgetTestServices.Build(ollama);
        var lines = BudgetTestServices.Film().Take(BudgetTestServices.GoodCues).ToArray();
        var estimates = new List<JobBudgetFigures>();
        var reports = new List<TranslatedBatchReport>();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr") with
            {
                OnEstimated = (figures, _) => { estimates.Add(figures); return Task.CompletedTask; },
            },
            (report, _) => { reports.Add(report); return Task.CompletedTask; }, Token);

        var estimate = estimates.ShouldHaveSingleItem();
        (estimate.Requests, ollama.ChatRequests.Count).ShouldBe((1, 1));
        estimate.PromptTokens.ShouldBeGreaterThan(0);
        estimate.CompletionTokens.ShouldBeGreaterThan(0);
        estimate.Seconds.ShouldBeGreaterThan(0);
        estimate.Cost.ShouldBeNull();
        // The scripted server reports 120 prompt tokens a chat and a quarter of the reply's characters as completion.
        result.Spent.Requests.ShouldBe(1);
        result.Spent.PromptTokens.ShouldBe(120);
        result.Spent.CompletionTokens.ShouldBeGreaterThan(0);
        reports.ShouldHaveSingleItem().Spent.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task AHostedEngineWithPricesEstimatesAndCountsWhatTheJobCosts()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var openAi = await ScriptedOpenAiServer.StartAsync(cancellationToken: Token);
        await using var services = BudgetTestServices.Build(ollama, openAi, new Dictionary<string, string?>
        {
            ["OpenAi:InputPricePerMillionTokens"] = "2.5",
            ["OpenAi:OutputPricePerMillionTokens"] = "10",
        });
        JobBudgetFigures? estimate = null;

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(BudgetTestServices.Film().Take(BudgetTestServices.GoodCues).ToArray()), engine: "openai", source: "fr") with
            {
                OnEstimated = (figures, _) => { estimate = figures; return Task.CompletedTask; },
            },
            (_, _) => Task.CompletedTask, Token);

        estimate.ShouldNotBeNull().Cost.ShouldBe(Math.Round(((estimate.PromptTokens * 2.5m) + (estimate.CompletionTokens * 10m)) / 1_000_000m, 6));
        estimate.Cost!.Value.ShouldBeGreaterThan(0m);
        var spent = result.Spent;
        (spent.Requests, spent.PromptTokens).ShouldBe((1, 120));
        spent.Cost.ShouldBe(Math.Round(((spent.PromptTokens * 2.5m) + (spent.CompletionTokens * 10m)) / 1_000_000m, 6));
        ollama.ChatRequests.ShouldBeEmpty();
    }
}

using FluxCaption.Core.Translation;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation;

public class SubtitleTranslatorEngineTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    [Fact]
    public async Task TheEngineIsChosenByNameIgnoringCase()
    {
        var other = new FakeTranslationEngine("other");
        var wanted = new FakeTranslationEngine("ollama");

        await Translator(null, other, wanted).TranslateAsync(Request(Srt("Hello there you"), engine: "OLLAMA"), Ignore, TestContext.Current.CancellationToken);

        wanted.Batches.Count.ShouldBe(1);
        other.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnknownEngineFailsWithItsOwnCode()
    {
        var translator = Translator(null, new FakeTranslationEngine("ollama"));

        var error = await Should.ThrowAsync<TranslationEngineException>(
            () => translator.TranslateAsync(Request(Srt("Hello there"), engine: "deepl"), Ignore, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TranslationEngineException.EngineUnknown);
        error.Message.ShouldContain("deepl");
    }

    [Fact]
    public async Task AnUnsupportedLanguagePairFailsBeforeAnythingIsSent()
    {
        var engine = new FakeTranslationEngine("apertium") { SupportsPair = (s, t) => s == "en" && t == "es" };
        var translator = Translator(null, engine);

        var error = await Should.ThrowAsync<TranslationEngineException>(
            () => translator.TranslateAsync(Request(Srt("Hello there"), engine: "apertium", target: "de"), Ignore, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TranslationEngineException.PairUnsupported);
        engine.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEngineFailurePropagatesAfterEarlierBatchesWereReported()
    {
        var document = Srt("First batch line", "Second batch line");
        var engine = new FakeTranslationEngine
        {
            Tamper = (_, r, call) => call == 2 ? throw new HttpRequestException("connection refused") : r,
        };
        var reports = new List<TranslatedBatchReport>();

        await Should.ThrowAsync<HttpRequestException>(() => Translator(new TranslationOptions { MaxCuesPerBatch = 1 }, engine).TranslateAsync(
            Request(document), (r, _) => { reports.Add(r); return Task.CompletedTask; }, TestContext.Current.CancellationToken));

        reports.ShouldHaveSingleItem().Cues.ShouldBe(new Dictionary<int, string> { [0] = "FIRST BATCH LINE" });
    }

    [Fact]
    public async Task CancellingBetweenBatchesStopsBeforeTheNextRequest()
    {
        var document = Srt("Line one here", "Line two here", "Line three here");
        var engine = new FakeTranslationEngine();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<OperationCanceledException>(() => Translator(new TranslationOptions { MaxCuesPerBatch = 1 }, engine).TranslateAsync(
            Request(document), async (_, _) => await cancellation.CancelAsync(), cancellation.Token));

        engine.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ParallelBatchesStillProduceEveryCueInOrder()
    {
        var document = Srt([.. Enumerable.Range(0, 30).Select(i => $"Parallel line {i}")]);
        var engine = new FakeTranslationEngine();
        var reports = new List<TranslatedBatchReport>();

        var result = await Translator(new TranslationOptions { MaxCuesPerBatch = 4, MaxParallelBatches = 3 }, engine).TranslateAsync(
            Request(document), (r, _) => { lock (reports) { reports.Add(r); } return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(Enumerable.Range(0, 30).Select(i => $"PARALLEL LINE {i}"));
        reports.Select(r => r.CompletedCueCount).Order().Last().ShouldBe(30);
        reports.SelectMany(r => r.Cues.Keys).Order().ShouldBe(Enumerable.Range(0, 30));
    }

    [Fact]
    public async Task AnEngineWhoseFirstBatchesAreAllUnusableFailsTheTranslationInsteadOfGrindingOn()
    {
        var document = Srt("One long line", "Two long lines", "Three long lines", "Four long lines", "Five long lines");
        var engine = new FakeTranslationEngine { Tamper = (_, _, _) => [] };
        var options = new TranslationOptions { MaxCuesPerBatch = 1, GiveUpAfterFailedBatches = 3 };

        var error = await Should.ThrowAsync<TranslationEngineException>(
            () => Translator(options, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(TranslationEngineException.EngineUnusable);
        error.Message.ShouldContain("missing");
        engine.Batches.Select(b => b.Segments[0].Id).Distinct().ShouldBe(["0", "1", "2"]);
    }

    [Fact]
    public async Task AnEngineThatWorkedOnceIsNeverGivenUpOn()
    {
        var document = Srt("One long line", "Two long lines", "Three long lines", "Four long lines", "Five long lines");
        var engine = new FakeTranslationEngine { Tamper = (b, r, _) => b.Segments[0].Id == "0" ? r : [] };
        // The first-batches rule alone: the whole-job failure rate (JobBudgetTests) would stop this engine, which fails 4 lines in 5.
        var options = new TranslationOptions { MaxCuesPerBatch = 1, GiveUpAfterFailedBatches = 2, FailureRateMinRequests = 0 };

        var result = await Translator(options, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues[0].Text.ShouldBe("ONE LONG LINE");
        result.Warnings.Select(w => w.CueIndex).ShouldBe([1, 2, 3, 4]);
    }
}

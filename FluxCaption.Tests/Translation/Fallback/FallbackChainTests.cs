using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Translation.Memory;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Fallback;

public class FallbackChainTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The fallback marks what it wrote, so a test can tell which engine produced each cue.
    private static FakeTranslationEngine Mt() => new("mt")
    {
        Tamper = (_, honest, _) => [.. honest.Select(s => s with { Text = "mt " + s.Text })],
    };

    private static SubtitleTranslationRequest WithFallback(SubtitleTranslationRequest request, params string[] engines) =>
        request with { Fallback = [.. engines.Select(e => new EngineChoice(e))] };

    [Fact]
    public async Task ALineTheFirstEngineLeavesUntranslatedIsTranslatedByTheNextEngineAndTheWarningSaysWhy()
    {
        var llm = new FakeTranslationEngine("llm")
        {
            // The second line always comes back as it was sent: untranslated, whatever the re-asks.
            Tamper = (batch, honest, _) => [.. honest.Select(s => s.Id == "1" ? s with { Text = batch.Segments.Single(x => x.Id == "1").Text } : s)],
        };
        var mt = Mt();
        var document = Srt("Good morning, everyone.", "We leave at dawn tomorrow.", "Bring the maps with you.");

        var result = await Translator(null, llm, mt).TranslateAsync(WithFallback(Request(document, engine: "llm"), "mt"), Ignore, Token);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["GOOD MORNING, EVERYONE.", "mt WE LEAVE AT DAWN TOMORROW.", "BRING THE MAPS WITH YOU."]);
        mt.SentIds.ShouldBe(["1"]);
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.CueIndex, warning.Code).ShouldBe((1, "fallback_engine"));
        warning.Message.ShouldStartWith("Translated by mt after llm failed:");
        warning.Message.ShouldContain("untranslated");
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
    }

    [Fact]
    public async Task AnEngineThatThrowsIsRuledOutOnceAndTheNextEngineTranslatesEveryBatch()
    {
        var calls = 0;
        var llm = new FakeTranslationEngine("llm")
        {
            Tamper = (_, _, _) =>
            {
                Interlocked.Increment(ref calls);
                throw new HttpRequestException("Connection refused (llm:11434)");
            },
        };
        var mt = Mt();
        var document = Srt("One line here.", "Another line there.", "A third line.", "And a fourth.");
        for (var i = 2; i < 4; i++)
        {
            document.Cues[i].Start += TimeSpan.FromMinutes(5);
            document.Cues[i].End += TimeSpan.FromMinutes(5);
        }

        var options = new TranslationOptions { MinCuesPerBatch = 1, MaxParallelBatches = 1 };
        var result = await Translator(options, llm, mt).TranslateAsync(WithFallback(Request(document, engine: "llm"), "mt"), Ignore, Token);

        calls.ShouldBe(1, "the unreachable engine is not asked again for the second scene");
        result.Document.Cues.Select(c => c.Text).ShouldAllBe(text => text.StartsWith("mt ", StringComparison.Ordinal));
        result.Warnings.Select(w => w.CueIndex).ShouldBe([0, 1, 2, 3]);
        result.Warnings.ShouldAllBe(w => w.Code == "fallback_engine" && w.Message.Contains("llm failed: Connection refused (llm:11434)"));
    }

    [Fact]
    public async Task WithoutAFallbackAnEngineFailureStillFailsTheTranslation()
    {
        var llm = new FakeTranslationEngine("llm") { Tamper = (_, _, _) => throw new HttpRequestException("Connection refused") };

        await Should.ThrowAsync<HttpRequestException>(() =>
            Translator(null, llm, Mt()).TranslateAsync(Request(Srt("Hello there, friend."), engine: "llm"), Ignore, Token));
    }

    [Fact]
    public async Task AFirstEngineWithoutThePairHandsTheWholeDocumentToTheFallback()
    {
        var llm = new FakeTranslationEngine("llm") { SupportsPair = (_, target) => target != "es" };
        var mt = Mt();

        var result = await Translator(null, llm, mt).TranslateAsync(
            WithFallback(Request(Srt("Hello there, friend.", "See you soon."), engine: "llm"), "mt"), Ignore, Token);

        llm.Batches.ShouldBeEmpty();
        result.Document.Cues.Select(c => c.Text).ShouldBe(["mt HELLO THERE, FRIEND.", "mt SEE YOU SOON."]);
        result.Warnings.ShouldAllBe(w => w.Message == "Translated by mt after llm failed: The llm engine cannot translate en to es.");
    }

    [Fact]
    public async Task WhenNoEngineOfTheChainHasThePairTheTranslationIsRefusedWithTheFirstEnginesReason()
    {
        var llm = new FakeTranslationEngine("llm") { SupportsPair = (_, _) => false };
        var mt = new FakeTranslationEngine("mt") { SupportsPair = (_, _) => false };

        var error = await Should.ThrowAsync<TranslationEngineException>(() => Translator(null, llm, mt).TranslateAsync(
            WithFallback(Request(Srt("Hello there, friend."), engine: "llm"), "mt", "missing"), Ignore, Token));

        error.Code.ShouldBe(TranslationEngineException.PairUnsupported);
        error.Message.ShouldContain("The llm engine cannot translate en to es.");
    }

    [Fact]
    public async Task AnEngineUselessOnTheFirstBatchesIsPassedOverInsteadOfFailingTheJob()
    {
        var llm = new FakeTranslationEngine("llm") { Tamper = (batch, _, _) => [.. batch.Segments.Select(s => new TranslatedSegment(s.Id, s.Text))] };
        var mt = Mt();
        var texts = Enumerable.Range(1, 6).Select(i => $"Scene {i} starts with this line.").ToArray();
        var document = Srt(texts);
        for (var i = 0; i < document.Cues.Count; i++)
        {
            document.Cues[i].Start = TimeSpan.FromMinutes(i);
            document.Cues[i].End = TimeSpan.FromMinutes(i) + TimeSpan.FromSeconds(2);
        }

        var options = new TranslationOptions { MinCuesPerBatch = 1, MaxParallelBatches = 1, GiveUpAfterFailedBatches = 2 };
        var result = await Translator(options, llm, mt).TranslateAsync(WithFallback(Request(document, engine: "llm"), "mt"), Ignore, Token);

        llm.Batches.Select(b => b.Segments[0].Id).Distinct().ShouldBe(["0", "1"], "after two useless scenes the engine is skipped");
        result.Document.Cues.Select(c => c.Text).ShouldBe(texts.Select(t => "mt " + t.ToUpperInvariant()));
        result.Warnings.Last().Message.ShouldContain("llm failed: it returned nothing usable for the first 2 batches");
    }

    [Fact]
    public async Task TranslationMemoryRemembersALineUnderTheEngineThatTranslatedIt()
    {
        var memory = new InMemoryTranslationMemory();
        var llm = new FakeTranslationEngine("llm") { Tamper = (_, _, _) => throw new TimeoutException("The llm did not answer in 300 s") };
        var translator = MemoryTranslators.With(memory, llm, Mt());

        await translator.TranslateAsync(WithFallback(Request(Srt("Hold the door open."), engine: "llm"), "mt"), Ignore, Token);

        var key = TranslationMemoryKey.Hash(TranslationMemoryKey.Normalize("Hold the door open."));
        (await memory.LookupAsync(new TranslationMemoryScope("en", "es", "mt", ""), [key], Token)).Keys.ShouldBe([key]);
        (await memory.LookupAsync(new TranslationMemoryScope("en", "es", "llm", ""), [key], Token)).ShouldBeEmpty();
    }
}

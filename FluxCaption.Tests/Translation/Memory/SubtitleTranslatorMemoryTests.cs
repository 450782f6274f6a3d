using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Memory;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Memory;

public class SubtitleTranslatorMemoryTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondTranslationOfTheSameFileSendsNoRequestAndGivesTheSameResult()
    {
        var document = Srt("<i>Hello</i> there", @"{\an8}Look up", "Two lines\nof text", "Plain words here");
        var memory = new InMemoryTranslationMemory();
        var firstEngine = new FakeTranslationEngine();
        var first = await MemoryTranslators.With(memory, firstEngine).TranslateAsync(Request(document), Ignore, Token);
        var secondEngine = new FakeTranslationEngine();

        var second = await MemoryTranslators.With(memory, secondEngine).TranslateAsync(Request(document), Ignore, Token);

        firstEngine.Batches.Count.ShouldBe(1);
        secondEngine.Batches.ShouldBeEmpty();
        second.Document.Cues.Select(c => c.Text).ShouldBe(["<i>HELLO</i> THERE", @"{\an8}LOOK UP", "TWO LINES\nOF TEXT", "PLAIN WORDS HERE"]);
        second.Document.Cues.Select(c => c.Text).ShouldBe(first.Document.Cues.Select(c => c.Text));
        second.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnlyTheLinesTheMemoryLacksAreSent()
    {
        var memory = new InMemoryTranslationMemory();
        await MemoryTranslators.With(memory, new FakeTranslationEngine())
            .TranslateAsync(Request(Srt("Good morning", "See you later")), Ignore, Token);
        var engine = new FakeTranslationEngine();

        var result = await MemoryTranslators.With(memory, engine)
            .TranslateAsync(Request(Srt("Good morning", "A new line", "See you later", "Another new one")), Ignore, Token);

        engine.Batches.SelectMany(b => b.Segments.Select(s => s.Text)).ShouldBe(["A new line", "Another new one"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(["GOOD MORNING", "A NEW LINE", "SEE YOU LATER", "ANOTHER NEW ONE"]);
    }

    [Fact]
    public async Task RememberedLinesCountInProgressAndReachTheCheckpointFirst()
    {
        var memory = new InMemoryTranslationMemory();
        await MemoryTranslators.With(memory, new FakeTranslationEngine())
            .TranslateAsync(Request(Srt("Good morning", "See you later")), Ignore, Token);
        var reports = new List<TranslatedBatchReport>();

        await MemoryTranslators.With(memory, new FakeTranslationEngine()).TranslateAsync(
            Request(Srt("Good morning", "Something new", "See you later")),
            (report, _) => { reports.Add(report); return Task.CompletedTask; },
            Token);

        reports.Count.ShouldBe(2);
        reports[0].Cues.ShouldBe(new Dictionary<int, string> { [0] = "GOOD MORNING", [2] = "SEE YOU LATER" });
        reports[0].CompletedCueCount.ShouldBe(2);
        reports[1].Cues.Keys.ShouldBe([1]);
        reports[1].CompletedCueCount.ShouldBe(3);
        reports[1].TotalCueCount.ShouldBe(3);
    }

    [Fact]
    public async Task AnotherEngineModelOrLanguagePairDoesNotReuseTheMemory()
    {
        var memory = new InMemoryTranslationMemory();
        var document = Srt("Good morning everyone");
        await MemoryTranslators.With(memory, new FakeTranslationEngine("fake"))
            .TranslateAsync(Request(document) with { Model = "m1" }, Ignore, Token);
        var fake = new FakeTranslationEngine("fake");
        var other = new FakeTranslationEngine("other");
        var translator = MemoryTranslators.With(memory, fake, other);

        await translator.TranslateAsync(Request(document) with { Model = "m2" }, Ignore, Token);
        await translator.TranslateAsync(Request(document) with { Model = null }, Ignore, Token);
        await translator.TranslateAsync(Request(document, target: "fr") with { Model = "m1" }, Ignore, Token);
        await translator.TranslateAsync(Request(document, engine: "other") with { Model = "m1" }, Ignore, Token);
        await translator.TranslateAsync(Request(document) with { Model = "m1" }, Ignore, Token);

        fake.Batches.Select(b => (b.Model, b.TargetLanguage)).ShouldBe([("m2", "es"), (null, "es"), ("m1", "fr")]);
        other.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WhitespaceAndMarkupDifferencesStillHitAndEachFileKeepsItsOwnTags()
    {
        var memory = new InMemoryTranslationMemory();
        await MemoryTranslators.With(memory, new FakeTranslationEngine())
            .TranslateAsync(Request(Srt("Hello <i>there</i> friend")), Ignore, Token);
        var engine = new FakeTranslationEngine();

        var result = await MemoryTranslators.With(memory, engine)
            .TranslateAsync(Request(Ass((@"Hello  {\i1}there{\i0}   friend ", false))), Ignore, Token);

        engine.Batches.ShouldBeEmpty();
        result.Document.Cues.Single().Text.ShouldBe(@"HELLO {\i1}THERE{\i0} FRIEND");
    }

    [Fact]
    public async Task ALineKeptInItsSourceIsRememberedAsKeptAndTheNextRunNeitherSendsNorTranslatesIt()
    {
        var memory = new InMemoryTranslationMemory();
        var untranslating = new FakeTranslationEngine
        {
            Tamper = (batch, honest, _) => [.. batch.Segments.Select(s => new TranslatedSegment(s.Id, s.Text))],
        };
        var document = Srt("This line comes back untranslated");
        await MemoryTranslators.With(memory, untranslating).TranslateAsync(Request(document), Ignore, Token);
        var honest = new FakeTranslationEngine();

        var second = await MemoryTranslators.With(memory, honest).TranslateAsync(Request(document), Ignore, Token);

        honest.Batches.ShouldBeEmpty();
        second.Document.Cues.Single().Text.ShouldBe("This line comes back untranslated");
        var warning = second.Warnings.ShouldHaveSingleItem();
        (warning.CueIndex, warning.Code).ShouldBe((0, "kept_source"));
        warning.Message.ShouldBe("Kept the source text: the line came back untranslated (remembered from an earlier translation).");
    }

    [Fact]
    public async Task ALineKeptAfterTheJobsEngineThrewIsNotRememberedSoTheNextRunAsksThatEngine()
    {
        var memory = new InMemoryTranslationMemory();
        var down = new FakeTranslationEngine("llm") { Tamper = (_, _, _) => throw new HttpRequestException("Connection refused") };
        var echoing = new FakeTranslationEngine("mt")
        {
            Tamper = (batch, _, _) => [.. batch.Segments.Select(s => new TranslatedSegment(s.Id, s.Text))],
        };
        var request = Request(Srt("This line comes back untranslated"), engine: "llm") with { Fallback = [new("mt", null)] };
        var first = await MemoryTranslators.With(memory, down, echoing).TranslateAsync(request, Ignore, Token);
        var llm = new FakeTranslationEngine("llm");

        var second = await MemoryTranslators.With(memory, llm, echoing).TranslateAsync(request, Ignore, Token);

        first.Warnings.ShouldHaveSingleItem().Code.ShouldBe("kept_source");
        llm.SentIds.ShouldBe(["0"]);
        second.Document.Cues.Single().Text.ShouldBe("THIS LINE COMES BACK UNTRANSLATED");
    }

    [Fact]
    public async Task RetranslatingKeptLinesSendsThoseFromTheCheckpointAgainAndDropsTheirOldWarnings()
    {
        var engine = new FakeTranslationEngine();
        var request = Request(Srt("Kept line one", "Kept line two", "Done line three"), new Dictionary<int, string> { [2] = "HECHO" }) with
        {
            KeptSourceCues = new HashSet<int> { 0, 1 },
            EarlierWarnings = [new(0, "kept_source", "Kept the source text: id 0: the line came back untranslated."), new(1, "kept_source", "Kept the source text: id 1: the line came back untranslated.")],
            RetranslateKept = true,
        };

        var result = await MemoryTranslators.With(new InMemoryTranslationMemory(), engine).TranslateAsync(request, Ignore, Token);

        engine.SentIds.ShouldBe(["0", "1"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(["KEPT LINE ONE", "KEPT LINE TWO", "HECHO"]);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task EachLookupOfARememberedLineCountsAHit()
    {
        var memory = new InMemoryTranslationMemory();
        var document = Srt("Good morning");
        var translator = MemoryTranslators.With(memory, new FakeTranslationEngine());

        for (var run = 0; run < 3; run++)
        {
            await translator.TranslateAsync(Request(document), Ignore, Token);
        }

        var hash = TranslationMemoryKey.Hash("Good morning");
        memory.HitCount(new TranslationMemoryScope("en", "es", "fake", ""), hash).ShouldBe(2);
    }

    [Fact]
    public async Task ARememberedTranslationWhosePlaceholdersNoLongerFitIsSentAgain()
    {
        var memory = new InMemoryTranslationMemory();
        var scope = new TranslationMemoryScope("en", "es", "fake", "");
        var key = TranslationMemoryKey.Normalize("⟦1⟧Hello⟦2⟧ there");

        // A damaged entry (one placeholder lost) must not be pasted into the document.
        await memory.StoreAsync(scope, [new TranslationMemoryItem(TranslationMemoryKey.Hash(key), key, "⟦1⟧Hola allí")], Token);
        var engine = new FakeTranslationEngine();

        var result = await MemoryTranslators.With(memory, engine).TranslateAsync(Request(Srt("<i>Hello</i> there")), Ignore, Token);

        engine.Batches.Count.ShouldBe(1);
        result.Document.Cues.Single().Text.ShouldBe("<i>HELLO</i> THERE");
    }
}

using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Translation.Memory;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Glossary;

public class SubtitleTranslatorGlossaryTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Upper-cases like the fake engine, and writes "FRODO" as the glossary asks only from the given call on.</summary>
    private static FakeTranslationEngine LearnsTheTermOnCall(int call) => new()
    {
        Tamper = (_, honest, number) => number >= call
            ? [.. honest.Select(s => s with { Text = s.Text.Replace("FRODO", "FRODO BOLSÓN", StringComparison.Ordinal) })]
            : honest,
    };

    [Fact]
    public async Task OnlyTheTermsThatOccurInABatchGoWithIt()
    {
        var engine = new FakeTranslationEngine();
        var request = Request(Srt("Frodo is asleep.", "Wake up!")) with
        {
            Glossary = [new("Frodo", "Frodo"), new("Gandalf", "Gandalf el Gris")],
        };

        await MemoryTranslators.With(null, engine).TranslateAsync(request, Ignore, Token);

        engine.Batches.ShouldHaveSingleItem().Glossary.ShouldBe([new GlossaryTerm("Frodo", "Frodo")]);
    }

    [Fact]
    public async Task ALineThatLacksATermIsAskedAgainNamingTheTermAndTheFixIsUsed()
    {
        var engine = LearnsTheTermOnCall(2);
        var request = Request(Srt("Frodo is asleep.", "Wake up!")) with { Glossary = [new("Frodo", "Frodo Bolsón")] };

        var result = await MemoryTranslators.With(null, engine).TranslateAsync(request, Ignore, Token);

        engine.Batches.Count.ShouldBe(2);
        engine.Batches[1].Segments.Select(s => s.Id).ShouldBe(["0"]);
        engine.Batches[1].PreviousErrors!.ShouldHaveSingleItem().ShouldContain("\"Frodo\" must be translated as \"Frodo Bolsón\"");
        result.Document.Cues.Select(c => c.Text).ShouldBe(["FRODO BOLSÓN IS ASLEEP.", "WAKE UP!"]);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALineThatNeverGetsTheTermIsKeptTranslatedWithAWarning()
    {
        var engine = new FakeTranslationEngine();
        var request = Request(Srt("Frodo is asleep.", "Wake up!")) with { Glossary = [new("Frodo", "Frodo Bolsón")] };

        var result = await MemoryTranslators.With(null, engine).TranslateAsync(request, Ignore, Token);

        engine.Batches.Count.ShouldBe(2);
        result.Document.Cues.Select(c => c.Text).ShouldBe(["FRODO IS ASLEEP.", "WAKE UP!"]);
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.CueIndex, warning.Code).ShouldBe((0, "glossary_term_missing"));
        warning.Message.ShouldContain("Frodo Bolsón");
    }

    [Fact]
    public async Task AGlobalTermAppliesToItsLanguagePairAndAJobTermOverridesIt()
    {
        var store = new FixedGlossaryStore(("en", "es", new GlossaryTerm("Shire", "Condado")), ("en", "fr", new GlossaryTerm("Frodo", "Frodon")));
        var engine = new FakeTranslationEngine();
        var translator = MemoryTranslators.With(null, [engine], store);
        var document = Srt("Frodo left the Shire.");

        await translator.TranslateAsync(Request(document), Ignore, Token);
        await translator.TranslateAsync(Request(document) with { Glossary = [new("shire", "Comarca")] }, Ignore, Token);

        engine.Batches[0].Glossary.ShouldBe([new GlossaryTerm("Shire", "Condado")]);
        engine.Batches.Last().Glossary.ShouldBe([new GlossaryTerm("shire", "Comarca")]);
    }

    [Fact]
    public async Task ATranslationKeptWithoutItsTermIsNotRememberedAndARememberedOneThatLacksANewTermIsSentAgain()
    {
        var memory = new InMemoryTranslationMemory();
        var document = Srt("Frodo is asleep.");
        await MemoryTranslators.With(memory, new FakeTranslationEngine())
            .TranslateAsync(Request(document) with { Glossary = [new("Frodo", "Frodo Bolsón")] }, Ignore, Token);
        memory.Count.ShouldBe(0);
        await MemoryTranslators.With(memory, new FakeTranslationEngine()).TranslateAsync(Request(document), Ignore, Token);
        var engine = LearnsTheTermOnCall(1);

        var result = await MemoryTranslators.With(memory, engine)
            .TranslateAsync(Request(document) with { Glossary = [new("Frodo", "Frodo Bolsón")] }, Ignore, Token);

        engine.Batches.Count.ShouldBe(1);
        result.Document.Cues.Single().Text.ShouldBe("FRODO BOLSÓN IS ASLEEP.");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ABrokenReplyStillSplitsAndTheGlossaryIsEnforcedOnTheHalves()
    {
        // Call 1 drops a line, call 2 (the re-ask) too; the halves (calls 3 and 4) are sound but without the term.
        var engine = new FakeTranslationEngine { Tamper = (_, honest, number) => number <= 2 ? honest.Take(1).ToList() : honest };
        var request = Request(Srt("Frodo is asleep.", "Frodo wakes up.")) with { Glossary = [new("Frodo", "Frodo Bolsón")] };

        var result = await MemoryTranslators.With(null, engine).TranslateAsync(request, Ignore, Token);

        engine.Batches.Count.ShouldBe(4);
        result.Document.Cues.Select(c => c.Text).ShouldBe(["FRODO IS ASLEEP.", "FRODO WAKES UP."]);
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(0, "glossary_term_missing"), (1, "glossary_term_missing")]);
    }
}

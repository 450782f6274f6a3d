using System.Text.Json.Nodes;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.PostProcessing;

/// <summary>The optional proofreading pass, through the real Ollama engine and a scripted server.</summary>
public class ProofreadingTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AProofreadJobSendsOneMoreRequestPerBatchAndTakesTheCorrectedLines()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama);
        var translator = services.GetRequiredService<ISubtitleTranslator>();
        var document = Srt("<i>Where were you</i> last night?", "{\\an8}At the station,\nwaiting.", "♪ ♪");

        var result = await translator.TranslateAsync(Request(document, engine: "ollama") with { Proofread = true }, Ignore, Token);

        ollama.ChatRequests.Count.ShouldBe(2);
        // The scripted model "corrects" by prefixing the drafts it is given once more.
        result.Document.Cues.Select(c => c.Text).ShouldBe([
            "[es] [es] <i>Where were you</i> last night?", "{\\an8}[es] [es] At the station,\nwaiting.", "♪ ♪",
        ]);
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
        result.Warnings.ShouldBeEmpty();
        result.DocumentWarnings.ShouldBeEmpty();

        var proofread = JsonNode.Parse(ollama.ChatRequests[1].Body)!;
        var user = (string)proofread["messages"]![1]!["content"]!;
        user.ShouldContain("Source lines (JSON, id to text):\n{\"1\":\"⟦1⟧Where were you⟦2⟧ last night?\"");
        user.Split('\n')[^1].ShouldBe("{\"1\":\"[es] ⟦1⟧Where were you⟦2⟧ last night?\",\"2\":\"[es] At the station, ⟦1⟧ waiting.\"}");
        ((string)proofread["messages"]![0]!["content"]!).ShouldContain("Proofread");
    }

    [Theory]
    [InlineData(OllamaBehaviour.DropId)]
    [InlineData(OllamaBehaviour.DuplicateId)]
    [InlineData(OllamaBehaviour.MergeLines)]
    [InlineData(OllamaBehaviour.LosePlaceholder)]
    [InlineData(OllamaBehaviour.TruncatedJson)]
    public async Task AnUnusableProofreadReplyKeepsTheFirstTranslationAndSaysSoOnce(OllamaBehaviour misbehaviour)
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama);
        var translator = services.GetRequiredService<ISubtitleTranslator>();
        var document = Srt("<i>Where were you</i> last night?", "At the station,\nwaiting.", "Nobody came for me.");
        ollama.Enqueue(OllamaBehaviour.Normal, misbehaviour);

        var result = await translator.TranslateAsync(Request(document, engine: "ollama") with { Proofread = true }, Ignore, Token);

        ollama.ChatRequests.Count.ShouldBe(2);
        result.Document.Cues.Select(c => c.Text).ShouldBe([
            "[es] <i>Where were you</i> last night?", "[es] At the station,\nwaiting.", "[es] Nobody came for me.",
        ]);
        result.Warnings.ShouldBeEmpty();
        result.DocumentWarnings.Select(w => w.Code).ShouldBe([SubtitleTranslator.ProofreadIncomplete]);
        result.DocumentWarnings[0].Message.ShouldContain("1 of 1");
    }

    [Fact]
    public async Task AProofreadReplyThatChangesNothingIsAcceptedWithoutAWarning()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama);
        var translator = services.GetRequiredService<ISubtitleTranslator>();

        // ReturnSource answers each id with the text it was given: for a proofread, the drafts.
        ollama.Enqueue(OllamaBehaviour.Normal, OllamaBehaviour.ReturnSource);
        var result = await translator.TranslateAsync(Request(Srt("Good morning, everyone"), engine: "ollama") with { Proofread = true }, Ignore, Token);

        ollama.ChatRequests.Count.ShouldBe(2);
        result.Document.Cues[0].Text.ShouldBe("[es] Good morning, everyone");
        result.DocumentWarnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEngineThatCannotProofreadIsNotAskedAndTheJobSaysSo()
    {
        var engine = new FakeTranslationEngine("apertium");
        var translator = Translator(null, engine);

        var result = await translator.TranslateAsync(Request(Srt("Good morning", "Good night"), engine: "apertium") with { Proofread = true }, Ignore, Token);

        engine.Batches.Count.ShouldBe(1);
        engine.Batches[0].Drafts.ShouldBeNull();
        result.Document.Cues.Select(c => c.Text).ShouldBe(["GOOD MORNING", "GOOD NIGHT"]);
        result.DocumentWarnings.Select(w => w.Code).ShouldBe([SubtitleTranslator.ProofreadSkipped]);
        result.DocumentWarnings[0].Message.ShouldContain("apertium");
    }

    [Fact]
    public async Task ProofreadingIsOffUnlessAsked()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama);
        var translator = services.GetRequiredService<ISubtitleTranslator>();

        var result = await translator.TranslateAsync(Request(Srt("Good morning"), engine: "ollama"), Ignore, Token);

        ollama.ChatRequests.Count.ShouldBe(1);
        result.Document.Cues[0].Text.ShouldBe("[es] Good morning");
        result.DocumentWarnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task CuesFromTheCheckpointAreProofreadTooAndCuesThatKeptTheirSourceAreNot()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama);
        var translator = services.GetRequiredService<ISubtitleTranslator>();
        var document = Srt("Good morning, everyone here", "Good night, everyone there");
        var checkpoint = new Dictionary<int, string> { [0] = "Buenos días a todos" };

        // The first translation of cue 1 comes back untranslated three times: it keeps its source text.
        ollama.Enqueue(OllamaBehaviour.ReturnSource, OllamaBehaviour.ReturnSource);
        var result = await translator.TranslateAsync(Request(document, checkpoint, engine: "ollama") with { Proofread = true }, Ignore, Token);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["[es] Buenos días a todos", "Good night, everyone there"]);
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(1, "kept_source")]);
        var proofread = JsonNode.Parse(ollama.ChatRequests[^1].Body)!;
        ((string)proofread["messages"]![1]!["content"]!).Split('\n')[^1].ShouldBe("{\"1\":\"Buenos días a todos\"}");
    }
}

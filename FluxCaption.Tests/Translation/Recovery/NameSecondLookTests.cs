using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Recovery;

/// <summary>
/// A line the model returns unchanged and the validator lets through as a name is asked once more, in
/// one later request with the file's other such lines, before it is final (real Ollama engine, scripted server).
/// </summary>
public class NameSecondLookTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Two scenes of twenty lines a minute apart (two batches); the given short lines replace some.</summary>
    private static SubtitleDocument TwoScenes(params (int Index, string Text)[] shortLines)
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"Où est passée la voiture numéro {i} ?").ToArray();
        foreach (var (index, text) in shortLines)
        {
            lines[index] = text;
        }

        var document = Srt(lines);
        for (var i = 20; i < 40; i++)
        {
            document.Cues[i].Start += TimeSpan.FromMinutes(1);
            document.Cues[i].End += TimeSpan.FromMinutes(1);
        }

        return document;
    }

    [Fact]
    public async Task NamesReturnedUnchangedAreAskedAgainTogetherInOneLaterRequestAndKeptWhenUnchangedAgain()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Michael!");
        ollama.KeepUntranslated("Monsieur Dupont");
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);
        var document = TwoScenes((5, "Michael!"), (31, "Monsieur Dupont"));
        var reports = new List<TranslatedBatchReport>();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(document, engine: "ollama", source: "fr"), (r, _) => { reports.Add(r); return Task.CompletedTask; }, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 20, 2]);
        ollama.ChatRequests[2].SegmentTexts.ShouldBe(["Michael!", "Monsieur Dupont"]);
        var user = ollama.ChatRequests[2].Json!["messages"]![1]!["content"]!.GetValue<string>();
        user.ShouldContain("came back unchanged");
        user.ShouldContain("- Où est passée la voiture numéro 4 ? => [es] Où est passée la voiture numéro 4 ?");
        result.Document.Cues[5].Text.ShouldBe("Michael!");
        result.Document.Cues[31].Text.ShouldBe("Monsieur Dupont");
        result.Document.Cues.Where((_, i) => i is not 5 and not 31).ShouldAllBe(c => c.Text.StartsWith("[es] "));
        result.Warnings.ShouldBeEmpty();
        // The names are reported (and so checkpointed) once their second look has answered, and progress ends at 40.
        reports[^1].Cues.Keys.Order().ShouldBe([5, 31]);
        reports[^1].CompletedCueCount.ShouldBe(40);
    }

    [Fact]
    public async Task ALineTakenForANameThatTheSecondLookTranslatesGetsTheTranslation()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Bonjour", times: 1);
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);
        var document = TwoScenes((12, "Bonjour"));

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(document, engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 20, 1]);
        result.Document.Cues[12].Text.ShouldBe("[es] Bonjour");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileWithoutLinesReturnedUnchangedSendsNoSecondLook()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);

        await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(TwoScenes((5, "Michael!")), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 20]);
    }
}

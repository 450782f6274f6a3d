using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Recovery;

/// <summary>
/// A reply that is whole (every id once) but has a few bad lines, through the real Ollama engine and a
/// scripted server that leaves chosen lines untranslated: the good lines are kept, only the bad ones are asked again.
/// </summary>
public class PartialReplyRecoveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // One slot: the twenty lines stay one batch instead of being shared over idle slots, so request
    // counts measure recovery alone.
    internal static readonly Dictionary<string, string?> OneBatchAtATime = new() { ["Translation:MaxParallelBatches"] = "1" };

    /// <summary>Twenty lines of one scene (one batch); the lines at <paramref name="shortLines"/> are replaced by the given short lines.</summary>
    internal static string[] Scene(params (int Index, string Text)[] shortLines)
    {
        var lines = Enumerable.Range(0, 20).Select(i => $"Où est passée la voiture numéro {i} ?").ToArray();
        foreach (var (index, text) in shortLines)
        {
            lines[index] = text;
        }

        return lines;
    }

    [Fact]
    public async Task ALineRefusedEveryTimeCostsOneMoreRequestAloneAndKeepsItsSourceWithAWarning()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Ça va?");
        await using var services = OllamaTestServices.Build(ollama, OneBatchAtATime);
        var lines = Scene((7, "Ça va?"));
        var reports = new List<TranslatedBatchReport>();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (r, _) => { reports.Add(r); return Task.CompletedTask; }, Token);

        ollama.ChatRequests.Count.ShouldBe(2);
        ollama.ChatRequests[0].SegmentTexts.Count.ShouldBe(20);
        ollama.ChatRequests[1].SegmentTexts.ShouldBe(["Ça va?"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select((l, i) => i == 7 ? l : "[es] " + l));
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.CueIndex, warning.Code).ShouldBe((7, "kept_source"));
        warning.Message.ShouldContain("untranslated");
        var report = reports.ShouldHaveSingleItem();
        report.Cues.Keys.Order().ShouldBe(Enumerable.Range(0, 20).Where(i => i != 7));
        report.CompletedCueCount.ShouldBe(20);
        report.Warnings.ShouldBe(result.Warnings);
    }

    [Fact]
    public async Task TheReaskCarriesTheFailedLinesNeighboursAsContextNotAsLinesToTranslate()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Ça va?", times: 1);
        await using var services = OllamaTestServices.Build(ollama, OneBatchAtATime);
        var lines = Scene((7, "Ça va?"));

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Count.ShouldBe(2);
        ollama.ChatRequests[1].SegmentTexts.ShouldBe(["Ça va?"]);
        var user = ollama.ChatRequests[1].Json!["messages"]![1]!["content"]!.GetValue<string>();
        user.ShouldContain($"- {lines[6]} => [es] {lines[6]}");
        user.ShouldContain($"- {lines[8]}");
        user.ShouldContain("untranslated");
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoRefusedLinesAreAskedAgainTogetherAndOnlyTheOneStillRefusedIsAskedAlone()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Ça va?");
        ollama.KeepUntranslated("On y va?", times: 1);
        await using var services = OllamaTestServices.Build(ollama, OneBatchAtATime);
        var lines = Scene((3, "On y va?"), (12, "Ça va?"));

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 2, 1]);
        ollama.ChatRequests[1].SegmentTexts.ShouldBe(["On y va?", "Ça va?"]);
        ollama.ChatRequests[2].SegmentTexts.ShouldBe(["Ça va?"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select((l, i) => i == 12 ? l : "[es] " + l));
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(12, "kept_source")]);
    }

    [Fact]
    public async Task AReplyMissingAnIdIsStillNotTrustedLineByLine()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.Enqueue(OllamaBehaviour.MergeLines);
        await using var services = OllamaTestServices.Build(ollama, OneBatchAtATime);
        var lines = Scene();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        // Merged lines shift every later line up one id: none of them may be kept, the whole batch is asked again.
        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 20]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
        result.Warnings.ShouldBeEmpty();
    }
}

using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Recovery;

/// <summary>
/// A reply that leaves a line out but keeps every other line on its own id, through the real Ollama
/// engine: the sound lines are kept and only the missing line (with the line before it, which may have
/// swallowed it) is asked again; a reply missing its last id may have slid and is still asked whole.
/// </summary>
public class MissingIdRecoveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALineLeftOutOfAReplyIsAskedAgainWithTheLineBeforeItAndTheRestIsKept()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        var lines = PartialReplyRecoveryTests.Scene((7, "Mm-hmm, oui."));
        ollama.LeaveOut("Mm-hmm, oui.", times: 1);
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        // Before: the whole batch of 20 asked again.
        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 2]);
        ollama.ChatRequests[1].SegmentTexts.ShouldBe([lines[6], "Mm-hmm, oui."]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALineLeftOutEveryTimeKeepsItsSourceAndCostsThreeMoreRequestsNotTheWholeBatchAgain()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        var lines = PartialReplyRecoveryTests.Scene((7, "Mm-hmm, oui."));
        ollama.LeaveOut("Mm-hmm, oui.");
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 2, 1, 1]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select((l, i) => i == 7 ? l : "[es] " + l));
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(7, "kept_source")]);
    }

    [Fact]
    public async Task AReplyWithoutItsLastIdMayHaveSlidAndIsAskedAgainWhole()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        var lines = PartialReplyRecoveryTests.Scene((19, "Mm-hmm, oui."));
        ollama.LeaveOut("Mm-hmm, oui.", times: 1);
        await using var services = OllamaTestServices.Build(ollama, PartialReplyRecoveryTests.OneBatchAtATime);

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            Request(Srt(lines), engine: "ollama", source: "fr"), (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ShouldBe([20, 20]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
    }
}

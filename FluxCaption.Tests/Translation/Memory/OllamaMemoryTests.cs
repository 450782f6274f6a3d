using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Memory;

/// <summary>The whole path: Ollama engine over HTTP, translator, and the database memory.</summary>
public sealed class OllamaMemoryTests(PostgresServer postgres)
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranslatingTheSameFileTwiceSendsNoSecondRequestToTheServer()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var engines = OllamaTestServices.Build(ollama);
        await using var data = await PostgresMemoryServices.BuildAsync(postgres);
        var translator = MemoryTranslators.With(data.GetRequiredService<ITranslationMemory>(), engines.GetServices<ITranslationEngine>());
        var document = Srt("<i>Where were you</i> last night?", "{\\an8}At the station,\nwaiting.", "♪ ♪", "Nobody came for me.");

        var first = await translator.TranslateAsync(Request(document, engine: "ollama"), Ignore, Token);
        var requestsAfterFirst = ollama.ChatRequests.Count;
        var second = await translator.TranslateAsync(Request(document, engine: "ollama"), Ignore, Token);

        requestsAfterFirst.ShouldBe(1);
        ollama.ChatRequests.Count.ShouldBe(1);
        second.Document.Cues.Select(c => c.Text).ShouldBe([
            "[es] <i>Where were you</i> last night?", "{\\an8}[es] At the station,\nwaiting.", "♪ ♪", "[es] Nobody came for me.",
        ]);
        second.Document.Cues.Select(c => c.Text).ShouldBe(first.Document.Cues.Select(c => c.Text));
        (await data.EntriesAsync()).Select(e => (e.Model, e.HitCount)).ShouldBe([("", 1L), ("", 1L), ("", 1L)]);
    }
}

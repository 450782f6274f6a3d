using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.OpenAi;

/// <summary>The Ollama engine holds the same per-engine limits through <see cref="Core.Translation.OpenAi.EngineRequestLimiter"/>.</summary>
public class OllamaEngineLimitsTests
{
    private static TranslationBatch Batch(int id) => new("en", "es", null, [new TranslationSegment($"{id}", $"Line number {id}")], [], []);

    [Fact]
    public async Task TheOllamaEngineNeverHasMoreThanMaxParallelRequestsInFlight()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama, new Dictionary<string, string?> { ["Ollama:MaxParallelRequests"] = "2" });
        ollama.Latency = TimeSpan.FromMilliseconds(600);
        var engine = services.GetServices<ITranslationEngine>().Single();

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => engine.TranslateAsync(Batch(i), TestContext.Current.CancellationToken)));

        // Each answer takes 600 ms, so a third chat can only arrive once one of the two before it is answered.
        var arrivals = ollama.ChatRequests.Select(r => r.ReceivedAt).Order().ToList();
        arrivals.Count.ShouldBe(6);
        ollama.MaxChatsInFlight.ShouldBe(2);
        for (var i = 2; i < arrivals.Count; i++)
        {
            (arrivals[i] - arrivals[i - 2]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
        }
    }

    [Fact]
    public async Task TheOllamaEngineSpacesRequestsByRequestsPerMinute()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama, new Dictionary<string, string?> { ["Ollama:RequestsPerMinute"] = "100" });
        var engine = services.GetServices<ITranslationEngine>().Single();

        // The first request pays for connecting and warming up; the spacing (600 ms) is measured after it.
        await engine.TranslateAsync(Batch(0), TestContext.Current.CancellationToken);
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => engine.TranslateAsync(Batch(i), TestContext.Current.CancellationToken)));

        var arrivals = ollama.ChatRequests.Select(r => r.ReceivedAt).Order().ToList();
        arrivals.Count.ShouldBe(4);
        for (var i = 1; i < arrivals.Count; i++)
        {
            (arrivals[i] - arrivals[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450));
        }
    }
}

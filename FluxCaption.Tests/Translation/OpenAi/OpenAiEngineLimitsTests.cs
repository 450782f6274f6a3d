using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.OpenAi;

public class OpenAiEngineLimitsTests
{
    private static TranslationBatch Batch(int id) => new("en", "es", null, [new TranslationSegment($"{id}", $"Line number {id}")], [], []);

    private static SubtitleDocument LongDocument(int cues) => new()
    {
        Format = SubtitleFormat.Srt,
        Cues =
        [
            .. Enumerable.Range(0, cues).Select(i => new SubtitleCue
            {
                Identifier = $"{i + 1}",
                Start = TimeSpan.FromSeconds(i * 30),
                End = TimeSpan.FromSeconds(i * 30 + 2),
                Text = $"<i>Scene {i + 1}</i> starts here.",
            }),
        ],
    };

    [Fact]
    public async Task ParallelBatchesNeverPutMoreThanMaxParallelRequestsOnTheServer()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server, new Dictionary<string, string?>
        {
            ["OpenAi:MaxParallelRequests"] = "2",
            ["Translation:MaxParallelBatches"] = "6",
            ["Translation:MinCuesPerBatch"] = "1",
        });
        server.Latency = TimeSpan.FromMilliseconds(250);
        var document = LongDocument(8);

        // Scenes 30 s apart: every cue is a batch of its own, and six are asked for at once.
        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "openai", null, new Dictionary<int, string>()),
            (_, _) => Task.CompletedTask,
            TestContext.Current.CancellationToken);

        server.ChatRequests.Count.ShouldBe(8);
        server.MaxChatsInFlight.ShouldBe(2);
        result.Document.Cues.Select(c => c.Text).ShouldBe(document.Cues.Select(c => "[es] " + c.Text));
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
    }

    [Fact]
    public async Task ByDefaultFourRequestsRunAtOnce()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        server.Latency = TimeSpan.FromMilliseconds(300);
        var engine = OpenAiTestServices.Engine(services);

        await Task.WhenAll(Enumerable.Range(1, 7).Select(i => engine.TranslateAsync(Batch(i), TestContext.Current.CancellationToken)));

        server.ChatRequests.Count.ShouldBe(7);
        server.MaxChatsInFlight.ShouldBe(4);
    }

    [Fact]
    public async Task RequestsPerMinuteSpacesTheRequestsEvenly()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server, new Dictionary<string, string?> { ["OpenAi:RequestsPerMinute"] = "100" });
        var engine = OpenAiTestServices.Engine(services);

        // The first request pays for connecting and warming up; the spacing is measured after it.
        await engine.TranslateAsync(Batch(0), TestContext.Current.CancellationToken);
        var replies = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => engine.TranslateAsync(Batch(i), TestContext.Current.CancellationToken)));

        replies.ShouldAllBe(r => r.Count == 1);
        var arrivals = server.ChatRequests.Select(r => r.ReceivedAt).Order().ToList();
        arrivals.Count.ShouldBe(5);

        // 100 a minute is one start every 600 ms. Network and scheduling jitter can bring two arrivals
        // closer than their starts were, but never make a burst: each gap stays well apart and the
        // four concurrent requests together span nearly their three full intervals.
        for (var i = 1; i < arrivals.Count; i++)
        {
            (arrivals[i] - arrivals[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        }

        (arrivals[^1] - arrivals[1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public async Task WithoutARateLimitRequestsAreNotSpacedOut()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        var engine = OpenAiTestServices.Engine(services);
        server.Latency = TimeSpan.FromSeconds(1);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => engine.TranslateAsync(Batch(i), TestContext.Current.CancellationToken)));

        // All four are answered together: nothing held any back (a timing bound here flakes on a loaded machine).
        server.MaxChatsInFlight.ShouldBe(4);
    }
}

using Microsoft.Extensions.AI;
using OllamaSharp;

namespace FluxCaption.Tests.TestServers;

public class ScriptedOllamaServerTests
{
    private const string SegmentsPrompt = "Translate these 2 segments (JSON, id to text):\n{\"1\":\"Hello\",\"2\":\"⟦1⟧Bye\"}";

    private static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, "Target language: German (de)."),
        new(ChatRole.User, SegmentsPrompt),
    ];

    [Fact]
    public async Task ItAnswersTheDiscoveryEndpointsLikeOllama()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync("llama3.1:8b", TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint);

        (await client.IsRunningAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await client.GetVersionAsync(TestContext.Current.CancellationToken)).ShouldBe("0.12.6");
        (await client.ListLocalModelsAsync(TestContext.Current.CancellationToken)).Select(m => m.Name).ShouldBe(["llama3.1:8b"]);
        ollama.ConnectionString.ShouldBe($"Endpoint=http://127.0.0.1:{ollama.Endpoint.Port};Model=llama3.1:8b");
    }

    [Fact]
    public async Task AStreamedChatArrivesInPiecesThatJoinIntoTheTranslation()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in ((IChatClient)client).GetStreamingResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates.Count.ShouldBeGreaterThan(2);
        string.Concat(updates.Select(u => u.Text)).ShouldBe("{\"1\": \"[de] Hello\", \"2\": \"[de] ⟦1⟧Bye\"}");
        ((bool?)ollama.ChatRequests.Single().Json!["stream"]).ShouldNotBe(false);
    }

    [Fact]
    public async Task ANonStreamedChatIsOneJsonObjectWithTheUsualCounters()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);
        ollama.Enqueue(OllamaBehaviour.DropId);

        var response = await ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("{\"1\": \"[de] Hello\"}");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.ShouldBe(120);
        ollama.ChatRequests.Single().Behaviour.ShouldBe(OllamaBehaviour.DropId);
        ((bool?)ollama.ChatRequests.Single().Json!["stream"]).ShouldBe(false);
    }

    [Fact]
    public async Task EnqueuedBehavioursApplyOncePerChatThenTheDefaultReturns()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);
        ollama.DefaultBehaviour = OllamaBehaviour.ReturnSource;
        ollama.Enqueue(OllamaBehaviour.MergeLines);

        var first = await ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);
        var second = await ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        first.Text.ShouldBe("{\"1\": \"[de] Hello ⟦1⟧Bye\"}");
        second.Text.ShouldBe("{\"1\": \"Hello\", \"2\": \"⟦1⟧Bye\"}");
    }

    [Fact]
    public async Task LatencyDelaysEveryAnswer()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);
        ollama.Latency = TimeSpan.FromMilliseconds(400);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task ItRecordsHowManyChatsWereAnsweredAtOnce()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);
        // Long enough that three requests overlap even on a loaded machine.
        ollama.Latency = TimeSpan.FromSeconds(2);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken)));
        await ((IChatClient)client).GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        ollama.MaxChatsInFlight.ShouldBe(3);
    }

    [Fact]
    public async Task ARequestThatIsNotABatchGetsAPlainTextAnswer()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OllamaApiClient(ollama.Endpoint, ollama.Model);

        var response = await ((IChatClient)client).GetResponseAsync("Say hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("[tr] Say hi");
    }
}

using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace FluxCaption.Tests.TestServers;

public class ScriptedOpenAiServerTests
{
    private const string SegmentsPrompt = "Translate these 2 segments (JSON, id to text):\n{\"1\":\"Hello\",\"2\":\"⟦1⟧Bye\"}";

    private static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, "Target language: German (de)."),
        new(ChatRole.User, SegmentsPrompt),
    ];

    private static IChatClient Client(ScriptedOpenAiServer server) =>
        new OpenAIClient(new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl })
            .GetChatClient(server.Model)
            .AsIChatClient();

    [Fact]
    public async Task ItListsItsModelLikeAnOpenAiServer()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync("llama-3.1-8b", TestContext.Current.CancellationToken);
        var client = new OpenAIClient(new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl });

        var models = await client.GetOpenAIModelClient().GetModelsAsync(TestContext.Current.CancellationToken);

        models.Value.Select(m => m.Id).ShouldBe(["llama-3.1-8b"]);
        server.BaseUrl.ToString().ShouldBe($"http://127.0.0.1:{server.Endpoint.Port}/v1");
        server.Requests.Single().Authorization.ShouldBe("Bearer sk-test");
    }

    [Fact]
    public async Task ANonStreamedChatIsOneCompletionWithUsageAndFinishReason()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(server);
        server.Enqueue(OpenAiBehaviour.DropId);

        var response = await client.GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("{\"1\": \"[de] Hello\"}");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.ShouldBe(120);
        var chat = server.ChatRequests.ShouldHaveSingleItem();
        chat.Behaviour.ShouldBe(OpenAiBehaviour.DropId);
        ((string?)chat.Json!["model"]).ShouldBe(server.Model);
    }

    [Fact]
    public async Task AStreamedChatArrivesInPiecesThatJoinIntoTheTranslation()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates.Count.ShouldBeGreaterThan(2);
        string.Concat(updates.Select(u => u.Text)).ShouldBe("{\"1\": \"[de] Hello\", \"2\": \"[de] ⟦1⟧Bye\"}");
        updates.Last(u => u.FinishReason is not null).FinishReason.ShouldBe(ChatFinishReason.Stop);
        ((bool?)server.ChatRequests.Single().Json!["stream"]).ShouldBe(true);
    }

    [Fact]
    public async Task ATruncatedReplyEndsWithFinishReasonLength()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(server);
        server.Enqueue(OpenAiBehaviour.TruncatedJson);

        var response = await client.GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        response.FinishReason.ShouldBe(ChatFinishReason.Length);
        response.Text.ShouldBe("{\"1\": \"[de] Hello\", \"2\"");
    }

    [Fact]
    public async Task EnqueuedBehavioursApplyOncePerChatThenTheDefaultReturns()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(server);
        server.DefaultBehaviour = OpenAiBehaviour.ReturnSource;
        server.Enqueue(OpenAiBehaviour.MergeLines);

        var first = await client.GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken);

        first.Text.ShouldBe("{\"1\": \"[de] Hello ⟦1⟧Bye\"}");
        second.Text.ShouldBe("{\"1\": \"Hello\", \"2\": \"⟦1⟧Bye\"}");
    }

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfterAndAnOpenAiErrorBody()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var client = new OpenAIClient(new ApiKeyCredential("sk-test"), new OpenAIClientOptions
        {
            Endpoint = server.BaseUrl,
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
        }).GetChatClient(server.Model);
        server.RetryAfter = TimeSpan.FromSeconds(1.2);
        server.Enqueue(OpenAiBehaviour.TooManyRequests);

        var error = await Should.ThrowAsync<ClientResultException>(() => client.CompleteChatAsync(
            [OpenAI.Chat.ChatMessage.CreateUserMessage("Hello")], cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(429);
        var raw = error.GetRawResponse()!;
        raw.Headers.TryGetValue("Retry-After", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("2");
        raw.Content.ToString().ShouldContain("\"code\":\"rate_limit_exceeded\"");
    }

    [Fact]
    public async Task ItRecordsHowManyChatsWereAnsweredAtOnce()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(server);
        // Long enough that three requests overlap even on a loaded machine.
        server.Latency = TimeSpan.FromSeconds(2);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetResponseAsync(Messages(), cancellationToken: TestContext.Current.CancellationToken)));

        server.MaxChatsInFlight.ShouldBe(3);
        server.ChatRequests.Select(r => r.ChatsInFlight).Order().ShouldBe([1, 2, 3]);
    }
}

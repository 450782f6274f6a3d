using System.Diagnostics;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace FluxCaption.Tests.Translation.OpenAi;

public class OpenAiCompatibleTranslationEngineTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static readonly string[] Expected =
    [
        "[es] <i>Where were you</i> last night?", "{\\an8}[es] At the station,\nwaiting.", "♪ ♪", "[es] For <b>three</b> hours.", "[es] Nobody came for me.",
    ];

    private static TranslationBatch Batch(string? model = null) => new(
        "en",
        "es",
        model,
        [new TranslationSegment("3", "⟦1⟧Hello⟦2⟧ there"), new TranslationSegment("4", "See you")],
        [new ContextLine("Good morning", "Buenos días")],
        ["Next line"],
        "Pilot");

    private static SubtitleDocument Document() => new()
    {
        Format = SubtitleFormat.Srt,
        Cues =
        [
            new() { Identifier = "1", Start = TimeSpan.FromSeconds(1), End = TimeSpan.FromSeconds(2), Text = "<i>Where were you</i> last night?" },
            new() { Identifier = "2", Start = TimeSpan.FromSeconds(3), End = TimeSpan.FromSeconds(4), Text = "{\\an8}At the station,\nwaiting." },
            new() { Identifier = "3", Start = TimeSpan.FromSeconds(5), End = TimeSpan.FromSeconds(6), Text = "♪ ♪" },
            new() { Identifier = "4", Start = TimeSpan.FromSeconds(7), End = TimeSpan.FromSeconds(8), Text = "For <b>three</b> hours." },
            new() { Identifier = "5", Start = TimeSpan.FromSeconds(9), End = TimeSpan.FromSeconds(10), Text = "Nobody came for me." },
        ],
    };

    private static Task<SubtitleTranslationResult> TranslateAsync(ServiceProvider services, SubtitleDocument document) =>
        services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "openai", null, new Dictionary<int, string>()), Ignore, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ABatchIsOneChatCompletionWithAJsonSchemaAndTheSegmentsAsJson()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);

        var reply = await OpenAiTestServices.Engine(services).TranslateAsync(Batch(), TestContext.Current.CancellationToken);

        reply.ShouldBe([new TranslatedSegment("3", "[es] ⟦1⟧Hello⟦2⟧ there"), new TranslatedSegment("4", "[es] See you")]);
        var chat = server.ChatRequests.ShouldHaveSingleItem();
        var request = chat.Json!;
        ((string?)request["model"]).ShouldBe("qwen2.5-7b-instruct");
        ((bool?)request["stream"] ?? false).ShouldBeFalse();
        ((string?)request["response_format"]!["type"]).ShouldBe("json_schema");
        request["response_format"]!["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => (string?)n).ShouldBe(["1", "2"]);
        ((double)request["temperature"]!).ShouldBe(0.2, 0.001);
        var user = OpenAiTestServices.LastMessageText(chat);
        user.ShouldContain("Good morning => Buenos días");
        user.ShouldContain("Title: Pilot");
        user.ShouldContain("Next line");
        user.ShouldEndWith("{\"1\":\"⟦1⟧Hello⟦2⟧ there\",\"2\":\"See you\"}");
    }

    [Fact]
    public async Task DisableThinkingAsksTheChatTemplateToSkipThinkingAndIsOffByDefault()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using (var plain = OpenAiTestServices.Build(server))
        {
            await OpenAiTestServices.Engine(plain).TranslateAsync(Batch(), TestContext.Current.CancellationToken);
        }

        await using (var noThinking = OpenAiTestServices.Build(server, new Dictionary<string, string?> { ["OpenAi:DisableThinking"] = "true" }))
        {
            await OpenAiTestServices.Engine(noThinking).TranslateAsync(Batch(), TestContext.Current.CancellationToken);
        }

        var chats = server.ChatRequests;
        chats[0].Json!["chat_template_kwargs"].ShouldBeNull();
        ((bool?)chats[1].Json!["chat_template_kwargs"]!["enable_thinking"]).ShouldBe(false);
        ((string?)chats[1].Json!["response_format"]!["type"]).ShouldBe("json_schema");
        ((string?)chats[1].Json!["model"]).ShouldBe(server.Model);
    }

    [Fact]
    public async Task TheApiKeyIsSentAsABearerTokenAndAServerWithoutOneGetsAPlaceholder()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using (var withKey = OpenAiTestServices.Build(server, new Dictionary<string, string?> { ["OpenAi:ApiKey"] = "sk-live-123" }))
        {
            await OpenAiTestServices.Engine(withKey).TranslateAsync(Batch(), TestContext.Current.CancellationToken);
        }

        await using (var withoutKey = OpenAiTestServices.Build(server))
        {
            await OpenAiTestServices.Engine(withoutKey).TranslateAsync(Batch(), TestContext.Current.CancellationToken);
        }

        server.ChatRequests.Select(r => r.Authorization).ShouldBe(["Bearer sk-live-123", "Bearer unused"]);
    }

    [Fact]
    public async Task TheJobsModelOverridesTheConfiguredModel()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);

        await OpenAiTestServices.Engine(services).TranslateAsync(Batch(" deepseek-chat "), TestContext.Current.CancellationToken);

        ((string?)server.ChatRequests.Single().Json!["model"]).ShouldBe("deepseek-chat");
    }

    [Fact]
    public async Task PreviousErrorsAreToldToTheModel()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);

        await OpenAiTestServices.Engine(services).TranslateAsync(
            Batch() with { PreviousErrors = ["id 4: missing from the reply"] }, TestContext.Current.CancellationToken);

        OpenAiTestServices.LastMessageText(server.ChatRequests.Single()).ShouldContain("id 2: missing from the reply");
    }

    [Fact]
    public async Task ADocumentTranslatedThroughAnOpenAiEndpointKeepsCuesTimingsAndTags()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        var document = Document();

        var result = await TranslateAsync(services, document);

        result.Document.Cues.Select(c => c.Text).ShouldBe(Expected);
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
        result.Warnings.ShouldBeEmpty();
        server.ChatRequests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(OpenAiBehaviour.DropId, 2)]
    [InlineData(OpenAiBehaviour.DuplicateId, 2)]
    [InlineData(OpenAiBehaviour.MergeLines, 2)]
    [InlineData(OpenAiBehaviour.ReturnSource, 2)]
    [InlineData(OpenAiBehaviour.LosePlaceholder, 2)]
    [InlineData(OpenAiBehaviour.TruncatedJson, 2)]
    [InlineData(OpenAiBehaviour.ServerError, 2)]
    [InlineData(OpenAiBehaviour.TooManyRequests, 2)]
    [InlineData(OpenAiBehaviour.ProseAndFences, 1)]
    [InlineData(OpenAiBehaviour.ThinkBlock, 1)]
    public async Task AMisbehavingReplyStillEndsWithEveryCueTranslatedInPlace(OpenAiBehaviour behaviour, int expectedChats)
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        server.Enqueue(behaviour);
        var document = Document();

        var result = await TranslateAsync(services, document);

        result.Document.Cues.Select(c => c.Text).ShouldBe(Expected);
        result.Document.Cues.Select(c => (c.Identifier, c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Identifier, c.Start, c.End)));
        result.Warnings.ShouldBeEmpty();
        server.ChatRequests.Count.ShouldBe(expectedChats);
    }

    [Fact]
    public async Task AModelThatNeverBehavesLeavesSourceTextWithWarningsNotAShortFile()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        server.DefaultBehaviour = OpenAiBehaviour.LosePlaceholder;

        var result = await TranslateAsync(services, Document());

        result.Document.Cues.Select(c => c.Text).ShouldBe([
            "<i>Where were you</i> last night?", "{\\an8}At the station,\nwaiting.", "♪ ♪", "For <b>three</b> hours.", "[es] Nobody came for me.",
        ]);
        result.Warnings.Select(w => w.CueIndex).ShouldBe([0, 1, 3]);
    }

    [Fact]
    public async Task TooManyRequestsWaitsForRetryAfterBeforeAskingAgain()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server);
        server.RetryAfter = TimeSpan.FromSeconds(2);
        server.Enqueue(OpenAiBehaviour.TooManyRequests);

        var reply = await OpenAiTestServices.Engine(services).TranslateAsync(Batch(), TestContext.Current.CancellationToken);

        reply.Count.ShouldBe(2);
        var chats = server.ChatRequests;
        chats.Select(c => c.Behaviour).ShouldBe([OpenAiBehaviour.TooManyRequests, OpenAiBehaviour.Normal]);
        (chats[1].ReceivedAt - chats[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task AServerThatHangsFailsTheTranslationAfterTheTimeoutInsteadOfKeepingSourceText()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server, new Dictionary<string, string?>
        {
            ["OpenAi:AttemptTimeout"] = "00:00:00.500",
            ["OpenAi:TotalTimeout"] = "00:00:01.500",
        });
        server.DefaultBehaviour = OpenAiBehaviour.Hang;
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<TimeoutRejectedException>(() => TranslateAsync(services, Document()));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        server.ChatRequests.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task AServerThatKeepsFailingFailsTheTranslationAfterTheRetries()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OpenAiTestServices.Build(server, new Dictionary<string, string?> { ["OpenAi:MaxRetryAttempts"] = "2" });
        server.DefaultBehaviour = OpenAiBehaviour.ServerError;

        var error = await Should.ThrowAsync<System.ClientModel.ClientResultException>(() => TranslateAsync(services, Document()));

        error.Status.ShouldBe(500);
        server.ChatRequests.Count.ShouldBe(3);
    }
}

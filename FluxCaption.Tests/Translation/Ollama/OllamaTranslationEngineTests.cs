using System.Diagnostics;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FluxCaption.Tests.Translation.Ollama;

public class OllamaTranslationEngineTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

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

    private static readonly string[] Expected =
    [
        "[es] <i>Where were you</i> last night?", "{\\an8}[es] At the station,\nwaiting.", "♪ ♪", "[es] For <b>three</b> hours.", "[es] Nobody came for me.",
    ];

    [Fact]
    public async Task ABatchIsOneChatRequestWithASchemaNoThinkingAndTheSegmentsAsJson()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        var engine = services.GetServices<ITranslationEngine>().Single(e => e.Name == "ollama");

        var reply = await engine.TranslateAsync(Batch(), TestContext.Current.CancellationToken);

        reply.ShouldBe([new TranslatedSegment("3", "[es] ⟦1⟧Hello⟦2⟧ there"), new TranslatedSegment("4", "[es] See you")]);
        var request = ollama.ChatRequests.ShouldHaveSingleItem().Json!;
        ((string?)request["model"]).ShouldBe("qwen2.5:7b-instruct");
        ((bool?)request["think"]).ShouldBe(false);
        request["format"]!["required"]!.AsArray().Select(n => (string?)n).ShouldBe(["1", "2"]);
        ((double)request["options"]!["temperature"]!).ShouldBe(0.2, 0.001);
        var user = (string)request["messages"]!.AsArray().Last()!["content"]!;
        user.ShouldEndWith("{\"1\":\"⟦1⟧Hello⟦2⟧ there\",\"2\":\"See you\"}");
        user.ShouldContain("Good morning => Buenos días");
        user.ShouldContain("Next line");
        user.ShouldContain("Title: Pilot");
    }

    [Fact]
    public async Task TheJobsModelOverridesTheConnectionStringModel()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        var engine = services.GetServices<ITranslationEngine>().Single();

        await engine.TranslateAsync(Batch("llama3.1:8b"), TestContext.Current.CancellationToken);

        ((string?)ollama.ChatRequests.Single().Json!["model"]).ShouldBe("llama3.1:8b");
    }

    [Fact]
    public async Task PreviousErrorsAreToldToTheModel()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        var engine = services.GetServices<ITranslationEngine>().Single();

        await engine.TranslateAsync(Batch() with { PreviousErrors = ["id 4: missing from the reply"] }, TestContext.Current.CancellationToken);

        ((string)ollama.ChatRequests.Single().Json!["messages"]!.AsArray().Last()!["content"]!).ShouldContain("id 2: missing from the reply");
    }

    [Fact]
    public async Task ADocumentTranslatedThroughOllamaKeepsCuesTimingsAndTags()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        var document = Document();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "ollama", null, new Dictionary<int, string>()), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(Expected);
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
        result.Warnings.ShouldBeEmpty();
        ollama.ChatRequests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(OllamaBehaviour.DropId, 2)]
    [InlineData(OllamaBehaviour.DuplicateId, 2)]
    [InlineData(OllamaBehaviour.MergeLines, 2)]
    [InlineData(OllamaBehaviour.ReturnSource, 2)]
    [InlineData(OllamaBehaviour.LosePlaceholder, 2)]
    [InlineData(OllamaBehaviour.TruncatedJson, 2)]
    [InlineData(OllamaBehaviour.ServerError, 2)]
    [InlineData(OllamaBehaviour.ProseAndFences, 1)]
    [InlineData(OllamaBehaviour.ThinkBlock, 1)]
    public async Task AMisbehavingReplyStillEndsWithEveryCueTranslatedInPlace(OllamaBehaviour behaviour, int expectedChats)
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        ollama.Enqueue(behaviour);
        var document = Document();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "ollama", null, new Dictionary<int, string>()), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(Expected);
        result.Document.Cues.Select(c => (c.Identifier, c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Identifier, c.Start, c.End)));
        result.Warnings.ShouldBeEmpty();
        ollama.ChatRequests.Count.ShouldBe(expectedChats);
    }

    [Fact]
    public async Task AModelThatNeverBehavesLeavesSourceTextWithWarningsNotAShortFile()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        ollama.DefaultBehaviour = OllamaBehaviour.LosePlaceholder;
        var document = Document();

        var result = await services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "ollama", null, new Dictionary<int, string>()), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe([
            "<i>Where were you</i> last night?", "{\\an8}At the station,\nwaiting.", "♪ ♪", "For <b>three</b> hours.", "[es] Nobody came for me.",
        ]);
        result.Warnings.Select(w => w.CueIndex).ShouldBe([0, 1, 3]);
    }

    [Fact]
    public async Task TooManyRequestsWaitsForRetryAfterBeforeAskingAgain()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama);
        ollama.RetryAfter = TimeSpan.FromSeconds(2);
        ollama.Enqueue(OllamaBehaviour.TooManyRequests);
        var engine = services.GetServices<ITranslationEngine>().Single();

        var reply = await engine.TranslateAsync(Batch(), TestContext.Current.CancellationToken);

        reply.Count.ShouldBe(2);
        var chats = ollama.ChatRequests;
        chats.Select(c => c.Behaviour).ShouldBe([OllamaBehaviour.TooManyRequests, OllamaBehaviour.Normal]);
        (chats[1].ReceivedAt - chats[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task AServerThatHangsFailsTheTranslationAfterTheTimeoutInsteadOfKeepingSourceText()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OllamaTestServices.Build(ollama, new Dictionary<string, string?>
        {
            ["Ollama:AttemptTimeout"] = "00:00:00.500",
            ["Ollama:TotalTimeout"] = "00:00:01.500",
        });
        ollama.DefaultBehaviour = OllamaBehaviour.Hang;
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<TimeoutRejectedException>(() => services.GetRequiredService<ISubtitleTranslator>().TranslateAsync(
            new SubtitleTranslationRequest(Document(), "en", "es", "ollama", null, new Dictionary<int, string>()), Ignore, TestContext.Current.CancellationToken));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ollama.ChatRequests.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task WithoutAnLlmConnectionStringTheEngineRefusesToStart()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddOllamaEngine();
        await using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<ITranslationEngine>());

        error.Message.ShouldContain("Endpoint");
    }
}

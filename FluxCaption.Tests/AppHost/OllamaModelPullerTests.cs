using FluxCaption.AppHost.Llm;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.AppHost;

/// <summary>The dashboard's "Pull model" command against a server speaking Ollama's pull protocol.</summary>
public sealed class OllamaModelPullerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMissingModelIsPulledWithProgressInTheLogAndIsInstalledAfterwards()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        ollama.PullableModels.Add("qwen2.5:0.5b");
        using var http = new HttpClient();
        var log = new RecordingLogger();
        var puller = new OllamaModelPuller(http, log);

        (await puller.HasModelAsync(ollama.Endpoint, "qwen2.5:0.5b", Ct)).ShouldBeFalse();
        var outcome = await puller.PullAsync(ollama.Endpoint, "qwen2.5:0.5b", Ct);

        outcome.ShouldBe(PullOutcome.Succeeded);
        (await puller.HasModelAsync(ollama.Endpoint, "qwen2.5:0.5b", Ct)).ShouldBeTrue();
        log.Lines.ShouldContain("pulling manifest");
        // One line per tenth of the layer, not one per streamed update (the server sends 21).
        log.Lines.Count(l => l.Contains("6a0746a1ec1a", StringComparison.Ordinal)).ShouldBe(11);
        log.Lines.ShouldContain(l => l.Contains("100 % of 38 MB", StringComparison.Ordinal));
        log.Lines.Last().ShouldBe("Model qwen2.5:0.5b is ready");
    }

    [Fact]
    public async Task AModelTheRegistryDoesNotHaveFailsWithOllamasOwnReason()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        using var http = new HttpClient();
        var log = new RecordingLogger();

        var outcome = await new OllamaModelPuller(http, log).PullAsync(ollama.Endpoint, "no-such-model:1b", Ct);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("pull model manifest: file does not exist");
        log.Lines.Last().ShouldBe("Pulling no-such-model:1b failed: pull model manifest: file does not exist");
    }

    [Fact]
    public async Task AnInstalledModelIsFoundWithOrWithoutItsLatestTag()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(model: "llama3.2:latest", cancellationToken: Ct);
        using var http = new HttpClient();
        var puller = new OllamaModelPuller(http, new RecordingLogger());

        (await puller.HasModelAsync(ollama.Endpoint, "llama3.2", Ct)).ShouldBeTrue();
        (await puller.HasModelAsync(ollama.Endpoint, "llama3.2:latest", Ct)).ShouldBeTrue();
        (await puller.HasModelAsync(ollama.Endpoint, "llama3.1", Ct)).ShouldBeFalse();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}

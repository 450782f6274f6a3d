using FluxCaption.Core.Translation;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Telemetry;

/// <summary>What an operator reads on the dashboard after translating through Ollama: requests, tokens and errors per engine and model.</summary>
public sealed class TranslationMetricsTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranslatingThroughOllamaCountsRequestsAndTokensForTheEngineAndModel()
    {
        // A model name of its own: the meter is process-wide and other tests translate at the same time.
        var model = $"metrics-{Guid.NewGuid():N}";
        await using var ollama = await ScriptedOllamaServer.StartAsync(model, Ct);
        await using var services = OllamaTestServices.Build(ollama);
        using var recorded = new RecordedMeasurements(TranslationTelemetry.Name);
        var translator = services.GetRequiredService<ISubtitleTranslator>();

        await translator.TranslateAsync(Request(Srt("Where were you last night?", "At the station."), engine: "ollama"), Ignore, Ct);

        var ours = ("model", (object?)model);
        ollama.ChatRequests.Count.ShouldBe(1);
        recorded.Sum("fluxcaption.translation.requests", ("engine", "ollama"), ours, ("outcome", "accepted")).ShouldBe(1);
        recorded.Sum("fluxcaption.translation.tokens", ("engine", "ollama"), ours, ("type", "prompt")).ShouldBe(120);
        recorded.Sum("fluxcaption.translation.tokens", ("engine", "ollama"), ours, ("type", "completion")).ShouldBeGreaterThan(0);
        recorded.Of("fluxcaption.translation.request.duration", ("engine", "ollama"), ours).Count.ShouldBe(1);
        recorded.Of("fluxcaption.translation.errors", ours).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOllamaServerThatKeepsFailingIsCountedAsAnErrorOfTheEngine()
    {
        var model = $"metrics-{Guid.NewGuid():N}";
        await using var ollama = await ScriptedOllamaServer.StartAsync(model, Ct);
        ollama.DefaultBehaviour = OllamaBehaviour.ServerError;
        await using var services = OllamaTestServices.Build(ollama, new Dictionary<string, string?> { ["Ollama:MaxRetryAttempts"] = "1" });
        using var recorded = new RecordedMeasurements(TranslationTelemetry.Name);
        var translator = services.GetRequiredService<ISubtitleTranslator>();

        await Should.ThrowAsync<Exception>(() =>
            translator.TranslateAsync(Request(Srt("Where were you last night?"), engine: "ollama"), Ignore, Ct));

        var errors = recorded.Of("fluxcaption.translation.errors", ("engine", "ollama"), ("model", model));
        errors.Sum(m => m.Value).ShouldBeGreaterThanOrEqualTo(1);
        errors.ShouldAllBe(m => m.Tags.ContainsKey("error.type"));
        recorded.Sum("fluxcaption.translation.requests", ("model", model), ("outcome", "error")).ShouldBe(errors.Sum(m => m.Value));
        recorded.Of("fluxcaption.translation.tokens", ("model", model)).ShouldBeEmpty();
    }
}

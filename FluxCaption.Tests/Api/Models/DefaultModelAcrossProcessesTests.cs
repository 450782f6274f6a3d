using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Data;
using FluxCaption.Core.Settings;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.Api.Models;

/// <summary>
/// The default model chosen through the Api reaches a Worker's engine, which shares only the
/// database with the Api, and a Worker without a choice keeps the configured model.
/// </summary>
public sealed class DefaultModelAcrossProcessesTests(PostgresServer postgres, RedisServer redis)
{
    private const string Pullable = "llama3.2:3b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkersEngineTranslatesWithTheModelChosenThroughTheApiAndTheConfiguredOneBefore()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        ollama.PullableModels.Add(Pullable);
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = ollama.ConnectionString });
        using var client = factory.CreateAuthorizedClient();
        using var worker = WorkerServices(factory.DatabaseConnectionString, ollama.ConnectionString);
        var engine = worker.Services.GetServices<ITranslationEngine>().Single(e => e.Name == OllamaTranslationEngine.EngineName);

        await engine.TranslateAsync(Batch(), Ct);
        ModelOf(ollama.ChatRequests[^1]).ShouldBe(ollama.Model);

        using (var pull = await PullEvents.StartAsync(client, Pullable, Ct))
        {
            (await PullEvents.ReadAllAsync(pull, Ct)).Last().Type.ShouldBe("success");
        }

        using var chosen = await client.PutAsJsonAsync("/api/models/ollama/default", new { model = Pullable }, Ct);
        chosen.EnsureSuccessStatusCode();

        // The worker re-reads the setting at most every RefreshInterval: its next batches pick the choice up.
        await Task.Delay(OllamaDefaultModel.RefreshInterval + TimeSpan.FromMilliseconds(200), Ct);
        await engine.TranslateAsync(Batch(), Ct);
        ModelOf(ollama.ChatRequests[^1]).ShouldBe(Pullable);
        engine.DefaultModel.ShouldBe(Pullable);

        // A batch that names its model keeps it whatever the default.
        await engine.TranslateAsync(Batch() with { Model = ollama.Model }, Ct);
        ModelOf(ollama.ChatRequests[^1]).ShouldBe(ollama.Model);
    }

    private static TranslationBatch Batch() => new("en", "de", null, [new TranslationSegment("1", "Hello")], [], []);

    private static string? ModelOf(RecordedOllamaRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("model").GetString();

    private static IHost WorkerServices(string database, string llm)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:fluxcaption"] = database;
        builder.Configuration["ConnectionStrings:llm"] = llm;
        builder.AddFluxCaptionData();
        builder.AddFluxCaptionSettings();
        builder.AddOllamaEngine();
        return builder.Build();
    }
}

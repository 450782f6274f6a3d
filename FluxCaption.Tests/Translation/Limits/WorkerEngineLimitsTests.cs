using FluxCaption.Core.Translation;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Limits;

/// <summary>The Worker's own service registrations: two Worker hosts against one Ollama server share its request limit.</summary>
public sealed class WorkerEngineLimitsTests(PostgresServer postgres, RedisServer redis)
{
    private static TranslationBatch Batch(int id) => new("en", "es", null, [new TranslationSegment($"{id}", $"Line number {id}")], [], []);

    [Fact]
    public async Task TwoWorkersSendOllamaNoMoreRequestsAtOnceThanItsConfiguredLimit()
    {
        var token = TestContext.Current.CancellationToken;
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: token);
        ollama.Latency = TimeSpan.FromMilliseconds(400);
        // Migrated: the Ollama engine reads the default model chosen in the settings.
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var prefix = RedisServer.NewKeyPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:llm"] = ollama.ConnectionString,
            ["Ollama:MaxParallelRequests"] = "2",
        };
        using var first = WorkerTestBuilder.Create(database, redis, prefix, "none", settings).Build();
        using var second = WorkerTestBuilder.Create(database, redis, prefix, "none", settings).Build();
        var engines = new[] { first, second }
            .Select(host => host.Services.GetServices<ITranslationEngine>().Single(engine => engine.Name == "ollama"))
            .ToList();

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => engines[i % 2].TranslateAsync(Batch(i), token)));

        ollama.ChatRequests.Count.ShouldBe(8);
        ollama.MaxChatsInFlight.ShouldBe(2, "each Worker alone allows two: together they must not send four");
    }
}

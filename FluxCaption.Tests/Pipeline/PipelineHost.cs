using FluxCaption.Core.Data;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.Pipeline;

/// <summary>
/// The Worker's services in-process against the test Postgres database and a private Redis key
/// prefix, with the prefixing engine behind the stand-in translator.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private PipelineHost(IHost host, PrefixingTranslationEngine engine)
    {
        Host = host;
        Engine = engine;
    }

    public IHost Host { get; }

    public PrefixingTranslationEngine Engine { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>
    /// Builds (and with <paramref name="start"/> starts) a host; <paramref name="roles"/> "none" runs no background work.
    /// With <paramref name="realTranslator"/> the Worker's own SubtitleTranslator (recovery, PostgreSQL memory) drives the engine.
    /// </summary>
    public static async Task<PipelineHost> CreateAsync(
        string connectionString,
        RedisServer redis,
        string keyPrefix,
        string roles,
        IDictionary<string, string?>? overrides = null,
        PrefixingTranslationEngine? engine = null,
        bool start = true,
        bool realTranslator = false)
    {
        var builder = WorkerTestBuilder.Create(connectionString, redis, keyPrefix, roles, overrides);
        engine ??= new PrefixingTranslationEngine();
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton<ITranslationEngine>(engine);
        if (!realTranslator)
        {
            builder.Services.AddScoped<ISubtitleTranslator, BatchingTestTranslator>();
        }

        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        if (start)
        {
            await host.StartAsync();
        }

        return new PipelineHost(host, engine);
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }
}

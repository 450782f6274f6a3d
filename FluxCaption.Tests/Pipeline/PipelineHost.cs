using FluxCaption.Core.Data;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>Builds (and with <paramref name="start"/> starts) a host; <paramref name="roles"/> "none" runs no background work.</summary>
    public static async Task<PipelineHost> CreateAsync(
        string connectionString,
        RedisServer redis,
        string keyPrefix,
        string roles,
        IDictionary<string, string?>? overrides = null,
        PrefixingTranslationEngine? engine = null,
        bool start = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:fluxcaption"] = connectionString,
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Messaging:KeyPrefix"] = keyPrefix,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:ProgressEventInterval"] = "00:00:00",
            ["Worker:Roles"] = roles,
            ["Worker:ClaimInterval"] = "00:00:00.200",
            ["Jobs:LeaseTtl"] = "00:00:10",
            ["Jobs:HeartbeatInterval"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddApplicationServices();
        engine ??= new PrefixingTranslationEngine();
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton<ITranslationEngine>(engine);
        builder.Services.AddScoped<ISubtitleTranslator, BatchingTestTranslator>();

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

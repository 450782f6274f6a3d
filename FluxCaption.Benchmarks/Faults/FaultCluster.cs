using System.Globalization;
using FluxCaption.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// Everything the fault run breaks: its own PostgreSQL and Redis, the Api, one scheduler and two
/// consumer workers as real processes, all with short but realistic lease and reaper timings so a
/// lost job comes back within seconds rather than minutes.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    private FaultCluster(OutagePostgres postgres, RestartableRedis redis, string logFolder, int apiPort)
    {
        Postgres = postgres;
        Redis = redis;
        LogFolder = logFolder;
        ApiAddress = new Uri($"http://127.0.0.1:{apiPort}/");
        var common = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__fluxcaption"] = postgres.ConnectionString,
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Messaging__ClaimIdleTime"] = "00:00:15",
            ["Messaging__PollInterval"] = "00:00:01",
            ["Jobs__LeaseTtl"] = "00:00:15",
            ["Jobs__HeartbeatInterval"] = "00:00:03",
            ["Jobs__RedispatchAfter"] = "00:00:15",
            ["Worker__ClaimInterval"] = "00:00:05",
            ["Worker__ReaperInterval"] = "00:00:05",
            ["Worker__SchedulerCheckinInterval"] = "00:00:05",
            ["Worker__Concurrency__translate"] = "2",
        };
        Api = new ServiceProcess("api", "FluxCaption.Api", With(common, new()
        {
            ["ASPNETCORE_URLS"] = ApiAddress.ToString(),
            ["Api__Key"] = ApiKey,
        }), logFolder);
        Scheduler = new ServiceProcess("scheduler", "FluxCaption.Worker", With(common, new()
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Worker__Roles"] = "scheduler",
        }), logFolder);
        Workers =
        [
            .. Enumerable.Range(1, 2).Select(n => new ServiceProcess($"worker-{n}", "FluxCaption.Worker", With(common, new()
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Worker__Roles"] = "consumer",
                ["Worker__ConsumerName"] = $"worker-{n}",
            }), logFolder)),
        ];
    }

    public string ApiKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public Uri ApiAddress { get; }

    public OutagePostgres Postgres { get; }

    public RestartableRedis Redis { get; }

    public ServiceProcess Api { get; }

    public ServiceProcess Scheduler { get; }

    public IReadOnlyList<ServiceProcess> Workers { get; }

    public string LogFolder { get; }

    public static async Task<FaultCluster> StartAsync(TextWriter progress)
    {
        var logFolder = Directory.CreateTempSubdirectory("fluxcaption-faults-logs-").FullName;
        progress.WriteLine($"Starting PostgreSQL and Redis; service logs in {logFolder}");
        var postgres = await OutagePostgres.CreateAsync();
        var redis = new RestartableRedis();
        await redis.StartAsync();
        await MigrateAsync(postgres.ConnectionString);
        var cluster = new FaultCluster(postgres, redis, logFolder, BenchmarkPostgres.FreePort());
        cluster.Api.Start();
        cluster.Scheduler.Start();
        foreach (var worker in cluster.Workers)
        {
            worker.Start();
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Scheduler.Dispose();
        foreach (var worker in Workers)
        {
            worker.Dispose();
        }

        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>The same code path as the Api's `migrate` command: EF migrations, then nothing else.</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:fluxcaption"] = connectionString });
        builder.Logging.ClearProviders();
        builder.AddFluxCaptionData();
        using var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> common, Dictionary<string, string> own)
    {
        var all = new Dictionary<string, string>(common);
        foreach (var (key, value) in own)
        {
            all[key] = value;
        }

        return all;
    }

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}

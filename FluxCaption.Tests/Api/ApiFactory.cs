using FluxCaption.Api.Apis;
using FluxCaption.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.Api;

/// <summary>
/// The real Api in-process over real PostgreSQL and Redis, configured through the same keys Aspire
/// and the launcher set. Each factory gets its own migrated database and Redis key prefix.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<EngineCatalog>
{
    public const string TestApiKey = "test-key-0123456789";

    private readonly Dictionary<string, string?> _settings;

    private ApiFactory(Dictionary<string, string?> settings) => _settings = settings;

    public CapturedLogs Logs { get; } = new();

    public string DatabaseConnectionString => _settings["ConnectionStrings:fluxcaption"]!;


    /// <summary>A factory on a fresh migrated database; <paramref name="overrides"/> win over the defaults (null removes a key).</summary>
    public static async Task<ApiFactory> CreateAsync(
        PostgresServer postgres, RedisServer redis, IDictionary<string, string?>? overrides = null, string? databaseConnectionString = null)
    {
        var database = databaseConnectionString ?? await TestDatabases.CreateMigratedAsync(postgres);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:fluxcaption"] = database,
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Messaging:KeyPrefix"] = RedisServer.NewKeyPrefix(),
            ["Api:Key"] = TestApiKey,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ApiFactory(settings);
    }

    /// <summary>
    /// Environment for a Worker process that shares this Api's database and Redis prefix, in the
    /// form Aspire injects it (`ConnectionStrings__fluxcaption`...), consuming with a short poll.
    /// </summary>
    public Dictionary<string, string> WorkerEnvironment()
    {
        var environment = _settings
            .Where(setting => setting.Value is not null && setting.Key != "Api:Key")
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        environment["Worker__Roles"] = "consumer";
        environment["Messaging__PollInterval"] = "00:00:00.250";
        return environment;
    }

    /// <summary>An HttpClient that sends the test API key.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }

        // The console would drown the test report; tests read what they need from Logs.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
    }
}

using FluxCaption.Worker.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// The Worker's services, configured for an in-process test: the test database and a private Redis key
/// prefix, short poll and claim intervals, nothing read from the environment, warnings-only logging.
/// </summary>
public static class WorkerTestBuilder
{
    public static HostApplicationBuilder Create(
        string connectionString, RedisServer redis, string keyPrefix, string roles, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
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
        return builder;
    }
}

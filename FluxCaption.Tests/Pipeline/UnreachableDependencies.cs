using System.Net;
using System.Net.Sockets;
using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The exceptions the real clients throw when the database or Redis is not there: a port nothing listens on.</summary>
internal static class UnreachableDependencies
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What EF throws from a query once its retrying execution strategy gives up.</summary>
    public static async Task<Exception> EfAfterRetriesAsync()
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>()
            .UseNpgsql($"Host=127.0.0.1;Port={FreePort()};Username=nobody;Database=none;Timeout=2",
                npgsql => npgsql.EnableRetryOnFailure(1, TimeSpan.FromMilliseconds(10), null))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new FluxCaptionDbContext(options);
        return await Should.ThrowAsync<Exception>(() => db.Jobs.CountAsync());
    }

    /// <summary>What EF throws from a query without a retrying strategy.</summary>
    public static async Task<Exception> EfWithoutRetriesAsync()
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>()
            .UseNpgsql($"Host=127.0.0.1;Port={FreePort()};Username=nobody;Database=none;Timeout=2")
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new FluxCaptionDbContext(options);
        return await Should.ThrowAsync<Exception>(() => db.Jobs.CountAsync());
    }

    /// <summary>What StackExchange.Redis throws for a command while it cannot connect.</summary>
    public static async Task<Exception> RedisCommandAsync()
    {
        var configuration = ConfigurationOptions.Parse($"127.0.0.1:{FreePort()}");
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 500;
        configuration.AsyncTimeout = 500;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        return await Should.ThrowAsync<Exception>(() => redis.GetDatabase().StringGetAsync("key"));
    }
}

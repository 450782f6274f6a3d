using System.Net.Http.Json;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Core.Settings;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Api.Libraries;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Settings;

public sealed class SettingsRestartTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecretsSavedByOneApiAreReadByANewApiOnTheSameDatabase()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        await using (var first = await LibraryApiHost.CreateAsync(postgres, redis, databaseConnectionString: database))
        {
            (await first.PutAsync("/api/settings/jellyfin", new { url = "http://jf:8096", apiKey = "key-from-first-api" }))
                .EnsureSuccessStatusCode();
        }

        await using var second = await LibraryApiHost.CreateAsync(postgres, redis, databaseConnectionString: database);
        var connection = await second.Factory.Services.GetRequiredService<IJellyfinConnectionProvider>().GetAsync(Ct);

        connection.ShouldNotBeNull().ApiKey.ShouldBe("key-from-first-api");
        await using var db = second.NewDbContext();
        (await db.Set<DataProtectionKeyEntity>().CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TheDeviceIdIsMadeOnceAndThenAlwaysTheSame()
    {
        await using var host = await LibraryApiHost.CreateAsync(postgres, redis);
        await using var first = host.Factory.Services.CreateAsyncScope();
        await using var second = host.Factory.Services.CreateAsyncScope();

        var one = await first.ServiceProvider.GetRequiredService<RuntimeSettings>().GetJellyfinDeviceIdAsync(Ct);
        var two = await second.ServiceProvider.GetRequiredService<RuntimeSettings>().GetJellyfinDeviceIdAsync(Ct);

        one.ShouldNotBeNullOrWhiteSpace();
        two.ShouldBe(one);
    }
}

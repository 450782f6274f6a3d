using FluxCaption.Core.Data;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api;

/// <summary>Fresh databases with every migration applied, as the `migrate` command leaves them.</summary>
public static class TestDatabases
{
    public static async Task<string> CreateMigratedAsync(PostgresServer postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, connectionString);
        await using var db = new FluxCaptionDbContext(options.Options);
        await db.Database.MigrateAsync();
        return connectionString;
    }
}

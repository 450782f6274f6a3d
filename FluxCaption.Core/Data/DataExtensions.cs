using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "fluxcaption";

    /// <summary>
    /// Registers <see cref="FluxCaptionDbContext"/> (pooled, Npgsql with retries, snake_case names) from
    /// ConnectionStrings:fluxcaption and the "postgres" health check.
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        builder.Services.AddDbContextPool<FluxCaptionDbContext>(options => Configure(options, connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<FluxCaptionDbContext>("postgres");
        return builder;
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention();
}

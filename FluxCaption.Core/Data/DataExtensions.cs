using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "fluxcaption";

    /// <summary>
    /// Registers <see cref="FluxCaptionDbContext"/> through the Aspire Npgsql EF Core integration from
    /// ConnectionStrings:fluxcaption: a pooled context with retry on failure, the "FluxCaptionDbContext"
    /// health check, Npgsql tracing and metrics; settings under "Aspire:Npgsql:EntityFrameworkCore:PostgreSQL".
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionData(this IHostApplicationBuilder builder)
    {
        // The integration only fails when the first context is created; failing at start names the key
        // an operator has to set instead of surfacing later inside a background job.
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        }

        builder.AddNpgsqlDbContext<FluxCaptionDbContext>(
            ConnectionStringName,
            configureDbContextOptions: options => UseConventions(options));
        return builder;
    }

    /// <summary>The same provider options outside a host (design-time factory, tests without a host).</summary>
    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        UseConventions(options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));

    private static DbContextOptionsBuilder UseConventions(DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention();
}

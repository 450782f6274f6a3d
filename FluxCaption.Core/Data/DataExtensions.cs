using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "fluxcaption";

    /// <summary>Seconds to wait for a database connection; unset keeps the connection string's own (Npgsql: 15).</summary>
    public const string ConnectTimeoutKey = "Database:ConnectTimeoutSeconds";

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

        // An interactive process (the Api) sets a short connect timeout so a request fails within seconds
        // while the database is unreachable, instead of waiting out Npgsql's 15 s default.
        var connectTimeout = builder.Configuration.GetValue<int?>(ConnectTimeoutKey);
        if (connectTimeout is <= 0)
        {
            throw new InvalidOperationException($"{ConnectTimeoutKey} must be a positive number of seconds.");
        }

        builder.AddNpgsqlDbContext<FluxCaptionDbContext>(
            ConnectionStringName,
            configureSettings: settings =>
            {
                if (connectTimeout is { } seconds && settings.ConnectionString is { } connectionString)
                {
                    settings.ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = seconds }.ConnectionString;
                }
            },
            configureDbContextOptions: options => UseConventions(options));
        return builder;
    }

    /// <summary>The same provider options outside a host (design-time factory, tests without a host).</summary>
    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        UseConventions(options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));

    private static DbContextOptionsBuilder UseConventions(DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention();
}

using HealthChecks.NpgSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.AppHost.Infrastructure;

/// <summary>The database and Redis every service references, whichever way they run.</summary>
public sealed record FluxCaptionInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis);

public static class InfrastructureExtensions
{
    public const string DatabaseName = "fluxcaption";

    /// <summary>Files in the state folder that hold the local servers' generated passwords.</summary>
    public const string PostgresPasswordFile = "postgres-password";

    public const string RedisPasswordFile = "redis-password";

    public static FluxCaptionInfrastructure AddFluxCaptionInfrastructure(
        this IDistributedApplicationBuilder builder, InfrastructureMode mode, StateFolder? state)
    {
        if (mode == InfrastructureMode.Containers)
        {
            // Data volumes keep the database and Redis's append-only file across restarts: queued stream
            // entries survive a Redis restart.
            var postgres = builder.AddPostgres("postgres").WithDataVolume("fluxcaption-postgres");
            var redis = builder.AddRedis("redis").WithDataVolume("fluxcaption-redis");
            return new(mode, postgres.AddDatabase(DatabaseName), redis);
        }

        ArgumentNullException.ThrowIfNull(state);
        return new(mode, builder.AddPostgresExecutable("postgres", state), builder.AddRedisExecutable("redis", state));
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, string name, StateFolder state)
    {
        var bin = FindPostgresBinaries(builder.Configuration["FluxCaption:PostgresBinDirectory"]);
        var script = Path.Combine(builder.AppHostDirectory, "Infrastructure", "start-postgres.sh");
        var password = builder.AddLocalPassword($"{name}-password", state, PostgresPasswordFile);
        var resource = new PostgresExecutableResource(name, "/bin/bash", state.Path, DatabaseName, password);

        var healthCheck = $"{name}-ready";
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await ((IResourceWithConnectionString)resource).GetConnectionStringAsync(ct));
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet."),
            name: healthCheck);

        return builder.AddResource(resource)
            // The script reads the password from its file: it never appears in a command line or the environment.
            .WithArgs(script, bin, state.Combine("postgres"), DatabaseName, state.Combine(PostgresPasswordFile))
            .WithEndpoint(name: PostgresExecutableResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedisExecutable(
        this IDistributedApplicationBuilder builder, string name, StateFolder state)
    {
        var redisServer = FindOnPath("redis-server")
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH. Install the Debian package redis-server (scripts/run.sh does it as root) or set FluxCaption:Infrastructure=containers.");
        var dataDirectory = state.CreatePrivateDirectory("redis");
        var password = builder.AddLocalPassword($"{name}-password", state, RedisPasswordFile);
        // requirepass goes in a private config file, not on the command line (ps shows arguments to everyone).
        var configFile = state.Combine("redis.conf");
        StateFolder.WritePrivate(configFile, $"requirepass {state.GetOrCreatePassword(RedisPasswordFile)}\n");
        var resource = new RedisExecutableResource(name, redisServer, state.Path, password);

        var healthCheck = $"{name}-ready";
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await ((IResourceWithConnectionString)resource).GetConnectionStringAsync(ct));
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet."),
            name: healthCheck);

        // The append-only file is on so queued stream entries survive a Redis restart; RDB snapshots are
        // off because the AOF already holds everything.
        return builder.AddResource(resource)
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--save");
                context.Args.Add("");
            })
            .WithEndpoint(name: RedisExecutableResource.EndpointName, scheme: "tcp")
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    /// <summary>
    /// A secret parameter holding a password generated once into the state folder. The file is the one
    /// truth (the server scripts read it), so a configured value does not override it; deleting the file
    /// makes a new password at the next start.
    /// </summary>
    private static ParameterResource AddLocalPassword(this IDistributedApplicationBuilder builder, string name, StateFolder state, string fileName)
    {
        builder.Configuration[$"Parameters:{name}"] = state.GetOrCreatePassword(fileName);
        return builder.AddParameter(name, secret: true).ExcludeFromManifest().Resource;
    }

    /// <summary>The configured folder, else the newest /usr/lib/postgresql/N/bin that has a server.</summary>
    internal static string FindPostgresBinaries(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "postgres"))
                ? configured
                : throw new InvalidOperationException($"FluxCaption:PostgresBinDirectory '{configured}' has no 'postgres' binary.");
        }

        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(directory => (Version: int.TryParse(Path.GetFileName(directory), out var v) ? v : -1, Bin: Path.Combine(directory, "bin")))
                .Where(candidate => candidate.Version > 0 && File.Exists(Path.Combine(candidate.Bin, "postgres")) && File.Exists(Path.Combine(candidate.Bin, "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries under /usr/lib/postgresql. Install the Debian package postgresql (scripts/run.sh does it as root), set FluxCaption:PostgresBinDirectory, or set FluxCaption:Infrastructure=containers.");
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
}

using Npgsql;

[assembly: AssemblyFixture(typeof(FluxCaption.Tests.Infrastructure.PostgresServer))]

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run, started from the machine's PostgreSQL 15 binaries
/// in a temp folder on a free port and stopped at the end. To use an existing server instead, set
/// FLUXCAPTION_TEST_POSTGRES to an admin connection string (one allowed to CREATE DATABASE), e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=...</c>. Each test class asks for its own
/// database with <see cref="CreateDatabaseAsync"/> so no test sees another's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SystemUser = "postgres";

    private string? _folder;
    private string _adminConnectionString = "";

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("FLUXCAPTION_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _folder = Directory.CreateTempSubdirectory("fluxcaption-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        if (ChildProcess.IsRoot)
        {
            // initdb and postgres refuse to run as root: the postgres system user owns the folder.
            await ChildProcess.RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", _folder]);
        }

        await ChildProcess.RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], SystemUser);
        var port = ChildProcess.FreeTcpPort();
        await ChildProcess.RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500",
            "start",
        ], SystemUser, TimeSpan.FromSeconds(90));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServer();
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "fc_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Every test has its own database, so every test has its own pool: idle connections are closed
        // after seconds rather than Npgsql's five minutes, or a full run holds hundreds of them open.
        return new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = name,
            Pooling = true,
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
    }

    public ValueTask DisposeAsync()
    {
        StopServer();
        return ValueTask.CompletedTask;
    }

    private void StopServer()
    {
        var folder = Interlocked.Exchange(ref _folder, null);
        if (folder is null)
        {
            return;
        }

        try
        {
            using var stop = ChildProcess.Start(Path.Combine(BinDirectory, "pg_ctl"),
                ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], SystemUser, redirect: true);
            stop.WaitForExit(30_000);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A server that is still shutting down may hold files; the temp folder is cleaned by the OS.
            }
        }
    }
}

using Npgsql;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of its own for a test that stops and starts the database (an outage): the shared
/// <see cref="PostgresServer"/> must stay up for every other test. Started from the machine's PostgreSQL 15
/// binaries on a free port in a temp folder; <see cref="StopAsync"/> and <see cref="StartAsync"/> keep the
/// port and the data, so clients reconnect to the same address once it is back.
/// </summary>
public sealed class StoppablePostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SystemUser = "postgres";

    private readonly string _folder;
    private readonly int _port;
    private bool _running;

    private StoppablePostgres(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Creates the cluster, starts it and creates one database; <see cref="ConnectionString"/> names it.</summary>
    public static async Task<StoppablePostgres> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("fluxcaption-pg-outage-").FullName;
        if (ChildProcess.IsRoot)
        {
            await ChildProcess.RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", folder]);
        }

        await ChildProcess.RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], SystemUser);
        var server = new StoppablePostgres(folder, ChildProcess.FreeTcpPort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopNow();
        await server.StartAsync();
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE fluxcaption", connection);
            await command.ExecuteNonQueryAsync();
        }

        return server;
    }

    private string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The database's connection string; a short connect timeout so clients notice the outage quickly.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=fluxcaption;Timeout=3";

    public async Task StartAsync()
    {
        await ChildProcess.RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
        [
            "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        ], SystemUser, TimeSpan.FromSeconds(90));
        _running = true;
    }

    /// <summary>Stops the server at once (immediate mode: every client connection is cut, as in a crash).</summary>
    public async Task StopAsync()
    {
        await ChildProcess.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], SystemUser);
        _running = false;
    }

    public ValueTask DisposeAsync()
    {
        StopNow();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return ValueTask.CompletedTask;
    }

    private void StopNow()
    {
        if (!_running)
        {
            return;
        }

        _running = false;
        using var stop = ChildProcess.Start(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], SystemUser, redirect: true);
        stop.WaitForExit(30_000);
    }
}

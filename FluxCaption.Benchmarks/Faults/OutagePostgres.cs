using Npgsql;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// A private PostgreSQL 15 cluster for the fault run that can be stopped (immediate mode, as in a crash)
/// and started again on the same port with the same data, so every service reconnects to the same address.
/// </summary>
internal sealed class OutagePostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _folder;
    private readonly int _port;
    private readonly bool _asPostgres = Environment.UserName == "root";
    private bool _running;

    private OutagePostgres(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    /// <summary>The services' connection string: a short connect timeout so they notice an outage at once.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=fluxcaption;Timeout=3";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<OutagePostgres> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("fluxcaption-faults-pg-").FullName;
        var server = new OutagePostgres(folder, BenchmarkPostgres.FreePort());
        if (server._asPostgres)
        {
            // initdb and postgres refuse to run as root.
            await BenchmarkPostgres.RunAsync("chown", ["-R", "postgres:postgres", folder], false);
        }

        await BenchmarkPostgres.RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], server._asPostgres);
        await server.StartAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server._port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE fluxcaption", connection);
        await command.ExecuteNonQueryAsync();
        return server;
    }

    public async Task StartAsync()
    {
        await BenchmarkPostgres.RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
        [
            "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120",
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300",
            "start",
        ], _asPostgres);
        _running = true;
    }

    /// <summary>Stops at once: every client connection is cut and nothing is flushed politely.</summary>
    public async Task StopAsync()
    {
        _running = false;
        await BenchmarkPostgres.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], _asPostgres);
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

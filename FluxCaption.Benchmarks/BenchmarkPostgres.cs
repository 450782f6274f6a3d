using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FluxCaption.Benchmarks;

/// <summary>
/// A fresh database for one benchmark run: in the server given on the command line, or in a private
/// PostgreSQL 15 cluster started from the machine's binaries in a temp folder and removed afterwards.
/// </summary>
internal sealed class BenchmarkPostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private string? _folder;

    public string ConnectionString { get; private set; } = "";

    public static async Task<BenchmarkPostgres> StartAsync(string? adminConnectionString)
    {
        var server = new BenchmarkPostgres();
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            adminConnectionString = await server.StartPrivateAsync();
        }

        var name = "fc_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        server.ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
        return server;
    }

    private async Task<string> StartPrivateAsync()
    {
        _folder = Directory.CreateTempSubdirectory("fluxcaption-bench-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            // initdb and postgres refuse to run as root.
            await RunAsync("chown", ["-R", "postgres:postgres", _folder], false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], asPostgres);
        var port = FreePort();
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1", "start"],
            asPostgres);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"], Environment.UserName == "root");
        Directory.Delete(_folder, recursive: true);
    }

    internal static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

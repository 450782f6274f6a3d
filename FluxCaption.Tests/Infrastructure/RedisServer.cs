using System.Diagnostics;
using StackExchange.Redis;

[assembly: AssemblyFixture(typeof(FluxCaption.Tests.Infrastructure.RedisServer))]

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// One redis-server for the whole test run on a free port, with an append-only file in a temp folder
/// so <see cref="RestartAsync"/> brings back every entry ("a restarted Redis loses no job").
/// To use an existing server instead, set FLUXCAPTION_TEST_REDIS to its connection string
/// (e.g. <c>127.0.0.1:6379</c>); restarts are then not possible. Tests isolate themselves with
/// <see cref="NewKeyPrefix"/> rather than separate databases, since streams and channels share a prefix.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private string? _folder;
    private int _port;
    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public bool CanRestart => _folder is not null;

    /// <summary>A fresh key prefix for one test's streams, groups and channels.</summary>
    public static string NewKeyPrefix() => $"fct:{Guid.NewGuid():N}:";

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("FLUXCAPTION_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        _folder = Directory.CreateTempSubdirectory("fluxcaption-redis-").FullName;
        _port = ChildProcess.FreeTcpPort();
        ConnectionString = $"127.0.0.1:{_port}";
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        await StartAsync();
    }

    /// <summary>Stops the server (SIGTERM: it flushes its append-only file) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        if (!CanRestart)
        {
            throw new InvalidOperationException("An external Redis (FLUXCAPTION_TEST_REDIS) cannot be restarted by tests.");
        }

        Kill(graceful: true);
        await StartAsync();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartAsync()
    {
        _process = ChildProcess.Start("redis-server",
        [
            "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", _folder!, "--save", "", "--appendonly", "yes", "--appendfsync", "no",
            "--daemonize", "no", "--loglevel", "warning",
        ], asUser: null, redirect: true);
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Kill(bool graceful = false)
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (process.HasExited)
            {
                return;
            }

            if (graceful)
            {
                using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                term.WaitForExit();
                if (process.WaitForExit(10_000))
                {
                    return;
                }
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}

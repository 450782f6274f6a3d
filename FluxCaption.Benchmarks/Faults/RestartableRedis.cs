using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// A private redis-server on a free port with an append-only file in a temp folder, so a restart
/// (even after SIGKILL: the file's writes are already in the OS) brings back every stream entry.
/// </summary>
internal sealed class RestartableRedis : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fluxcaption-faults-redis-").FullName;
    private readonly int _port = BenchmarkPostgres.FreePort();
    private Process? _process;

    public string ConnectionString => $"127.0.0.1:{_port}";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])
        [
            "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder,
            "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no", "--loglevel", "warning",
        ])
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server.");
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
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

    /// <summary>SIGKILL: Redis gets no chance to rewrite or flush anything itself.</summary>
    public void Kill()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
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
}

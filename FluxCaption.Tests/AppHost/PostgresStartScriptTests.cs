using System.Diagnostics;
using FluxCaption.Tests.Infrastructure;
using Npgsql;

namespace FluxCaption.Tests.AppHost;

/// <summary>
/// The AppHost's start-postgres.sh on its own: a new cluster and one made by an older version with
/// "trust" both end up requiring the generated password.
/// </summary>
public sealed class PostgresStartScriptTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("fluxcaption-pgscript-").FullName;

    public PostgresStartScriptTests()
    {
        // As root the server runs as 'postgres', which must pass through to its data folder here (the
        // script would otherwise move the cluster to /var/lib/fluxcaption).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // As root the cluster belongs to 'postgres'; the temp folder is the OS's to clean.
        }
    }

    [Fact]
    public async Task ANewClusterAndAnOldTrustClusterBothRequireTheGeneratedPassword()
    {
        var passwordFile = Path.Combine(_folder, "postgres-password");
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(passwordFile, password + "\n", Ct);
        var data = Path.Combine(_folder, "postgres");

        await using (var fresh = await StartAsync(data, passwordFile))
        {
            await ShouldRequirePasswordAsync(fresh.Port, password);
        }

        // What an older FluxCaption left behind: a cluster that lets anyone in.
        File.Exists(Path.Combine(data, "PG_VERSION")).ShouldBeTrue();
        await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n", Ct);
        await using (var old = await StartAsync(data, passwordFile))
        {
            await ShouldRequirePasswordAsync(old.Port, password);
        }

        (await File.ReadAllTextAsync(Path.Combine(data, "pg_hba.conf"), Ct)).ShouldNotContain("trust");
    }

    private static async Task ShouldRequirePasswordAsync(int port, string password)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "fluxcaption", Pooling = false };
        await using (var anonymous = new NpgsqlConnection(builder.ConnectionString))
        {
            await Should.ThrowAsync<NpgsqlException>(() => anonymous.OpenAsync(Ct));
        }

        builder.Password = password;
        await using var signedIn = new NpgsqlConnection(builder.ConnectionString);
        await signedIn.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT current_database()", signedIn);
        ((string?)await command.ExecuteScalarAsync(Ct)).ShouldBe("fluxcaption");
    }

    private static async Task<RunningScript> StartAsync(string data, string passwordFile)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "FluxCaption.AppHost", "Infrastructure", "start-postgres.sh");
        var port = ChildProcess.FreeTcpPort();
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.GetFullPath(script), PostgresBinaries(), data, "fluxcaption", passwordFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"start-postgres.sh exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, Ct);
                return new RunningScript(process, port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(200, Ct);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"PostgreSQL did not listen on {port}:\n{output}");
    }

    private static string PostgresBinaries() =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(folder => Path.Combine(folder, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "postgres"))).OrderDescending().First();

    private sealed class RunningScript(Process process, int port) : IAsyncDisposable
    {
        public int Port { get; } = port;

        public async ValueTask DisposeAsync()
        {
            // SIGINT: PostgreSQL's fast shutdown, as the orchestrator's stop does.
            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
            process.Dispose();
        }
    }
}

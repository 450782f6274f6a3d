using System.Diagnostics;
using FluxCaption.Tests.Infrastructure;
using Npgsql;

namespace FluxCaption.Tests.Api;

/// <summary>`dotnet FluxCaption.Api.dll migrate`, as the AppHost's `migrations` resource and the launcher run it.</summary>
public sealed class MigrateCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task TheMigrateCommandCreatesEveryTableIncludingQuartzAndExitsZero()
    {
        var database = await postgres.CreateDatabaseAsync();

        var (exitCode, output) = await RunMigrateAsync(database);

        exitCode.ShouldBe(0, output);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in new[] { "public.jobs", "public.job_events", "public.subtitle_documents", "public.translation_memory", "public.settings", "quartz.qrtz_locks", "quartz.qrtz_triggers" })
        {
            await using var command = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
            ((bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBeTrue($"{table} exists");
        }
    }

    [Fact]
    public async Task RunningTheMigrateCommandTwiceChangesNothingTheSecondTime()
    {
        var database = await postgres.CreateDatabaseAsync();

        (await RunMigrateAsync(database)).ExitCode.ShouldBe(0);
        var (exitCode, output) = await RunMigrateAsync(database);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task TheMigrateCommandFailsWithANonZeroExitCodeWhenTheDatabaseCannotBeReached()
    {
        var nowhere = $"Host=127.0.0.1;Port={ChildProcess.FreeTcpPort()};Username=postgres;Database=fluxcaption;Timeout=2";

        var (exitCode, output) = await RunMigrateAsync(nowhere);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("migrations failed", Case.Insensitive);
    }

    private static async Task<(int ExitCode, string Output)> RunMigrateAsync(string connectionString)
    {
        var api = WorkerProcess.ServiceAssemblyPath("FluxCaption.Api");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(api)!,
        };
        info.ArgumentList.Add(api);
        info.ArgumentList.Add("migrate");
        info.Environment["ConnectionStrings__fluxcaption"] = connectionString;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

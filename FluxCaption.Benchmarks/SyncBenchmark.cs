using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The `sync` command: a full sync of a generated library into a fresh database, an incremental sync
/// after a share of the items changed, and a full sync with nothing changed, each with its wall time
/// and the peak memory sampled while it ran.
/// </summary>
public static class SyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<SyncBenchmarkOptions>() ?? new SyncBenchmarkOptions();
        try
        {
            Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        }
        catch (ValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using var postgres = await BenchmarkPostgres.StartAsync(options.Postgres);
        var source = new SyntheticMediaSource(options.Items, options.PageSize);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:fluxcaption"] = postgres.ConnectionString });
        builder.Logging.ClearProviders();
        builder.AddFluxCaptionData();
        builder.AddLibraries();
        builder.Services.AddSingleton<IMediaLibrarySource>(source);
        using var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);

        Guid libraryId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var libraries = await scope.ServiceProvider.GetRequiredService<ILibrarySyncService>().RefreshLibrariesAsync(CancellationToken.None);
            libraryId = libraries.Single().Id;
        }

        var rows = new List<string>();
        Console.Error.WriteLine($"Syncing {options.Items} items, {options.PageSize} per page...");
        rows.Add(await MeasureAsync(host.Services, libraryId, full: true, "full, empty database"));
        var changed = (int)Math.Round(options.Items * options.ChangedPercent / 100.0);
        source.Change(Enumerable.Range(0, changed).Select(index => (int)((long)index * options.Items / Math.Max(changed, 1))));
        rows.Add(await MeasureAsync(host.Services, libraryId, full: false, $"incremental, {options.ChangedPercent.ToString(CultureInfo.InvariantCulture)}% changed"));
        rows.Add(await MeasureAsync(host.Services, libraryId, full: true, "full, nothing changed"));

        var table = new StringBuilder()
            .AppendLine("| sync | items seen | added | updated | unchanged | gone | wall time | peak managed heap | peak working set |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(row => table.AppendLine(row));
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task<string> MeasureAsync(IServiceProvider services, Guid libraryId, bool full, string label)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        long peakHeap = GC.GetTotalMemory(false), peakWorkingSet = process.WorkingSet64;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        LibrarySyncSummary summary;
        await using (var scope = services.CreateAsyncScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<ILibrarySyncService>().SyncAsync(libraryId, full, CancellationToken.None);
        }

        await sampling.CancelAsync();
        await sampler;
        Console.Error.WriteLine($"{label}: {summary.Duration.TotalSeconds:F2} s");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {summary.Seen} | {summary.Added} | {summary.Updated} | {summary.Unchanged} | {summary.Gone} | {summary.Duration.TotalSeconds:F2} s | {peakHeap / 1048576.0:F0} MiB | {peakWorkingSet / 1048576.0:F0} MiB |");
    }
}

using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluxCaption.Api.Apis;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
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
        SyncBenchmarkOptions options;
        try
        {
            // An unknown --Source value fails in the binder, not in validation.
            options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<SyncBenchmarkOptions>() ?? new SyncBenchmarkOptions();
            Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using var postgres = await BenchmarkPostgres.StartAsync(options.Postgres);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:fluxcaption"] = postgres.ConnectionString,
            ["Jellyfin:PageSize"] = options.PageSize.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.AddFluxCaptionData();
        builder.AddLibraries();

        JellyfinProtocolServer? server = null;
        Action<IEnumerable<int>> change;
        if (options.Source == SyncBenchmarkSource.Jellyfin)
        {
            var library = new BenchmarkLibrary(options.Items);
            server = await JellyfinProtocolServer.StartAsync(library);
            builder.Services.AddSingleton<IJellyfinConnectionProvider>(new BenchmarkJellyfinConnection(server));
            builder.Services.AddJellyfin();
            change = library.Change;
        }
        else
        {
            var source = new SyntheticMediaSource(options.Items, options.PageSize);
            builder.Services.AddSingleton<IMediaLibrarySource>(source);
            change = source.Change;
        }

        await using var serverLifetime = server;
        using var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);

        Guid libraryId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var libraries = await scope.ServiceProvider.GetRequiredService<ILibrarySyncService>().RefreshLibrariesAsync(CancellationToken.None);
            libraryId = libraries.Single().Id;
        }

        var changed = (int)Math.Round(options.Items * options.ChangedPercent / 100.0);
        var runs = new List<(string Label, LibrarySyncSummary Summary, string Row)>();
        Console.Error.WriteLine($"Syncing {options.Items} items from {options.Source.ToString().ToLowerInvariant()}, {options.PageSize} per page...");
        runs.Add(await MeasureAsync(host.Services, libraryId, full: true, "full, empty database", server));
        change(Enumerable.Range(0, changed).Select(index => (int)((long)index * options.Items / Math.Max(changed, 1))));
        runs.Add(await MeasureAsync(host.Services, libraryId, full: false, $"incremental, {options.ChangedPercent.ToString(CultureInfo.InvariantCulture)}% changed", server));
        runs.Add(await MeasureAsync(host.Services, libraryId, full: true, "full, nothing changed", server));

        var mismatches = SyncExpectations.Check(options.Items, changed, [.. runs.Select(run => (run.Label, run.Summary))]);
        mismatches.ForEach(Console.Error.WriteLine);
        var rows = runs.Select(run => run.Row).ToList();
        var table = new StringBuilder()
            .AppendLine("| sync | items seen | added | updated | unchanged | gone | wall time | peak managed heap | peak working set |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(row => table.AppendLine(row));
        Console.WriteLine(table.ToString());
        Console.WriteLine(await MeasureMissingQueryAsync(host.Services));
        return mismatches.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Times <c>GET /api/items?missing=…</c>'s query over the synced library: the first page and a deep page, each
    /// the best of five runs after one warm-up (the query's cost, not the connection pool's first open).
    /// </summary>
    private static async Task<string> MeasureMissingQueryAsync(IServiceProvider services)
    {
        var table = new StringBuilder()
            .AppendLine("| items query | matching items | wall time (best of 5) |")
            .AppendLine("|---|---:|---:|");
        foreach (var (language, page) in new[] { ("es", 1), ("es", 10), ("zh-Hans", 1), ("zh-Hans", 10) })
        {
            var query = new ItemQuery(null, null, language, Gone: false, HasJob: null, page, PageSize: 200);
            var best = TimeSpan.MaxValue;
            var total = 0;
            for (var run = 0; run < 6; run++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
                var clock = Stopwatch.StartNew();
                (_, total) = await query.RunAsync(db, new CoverageRules(), CancellationToken.None);
                if (run > 0)
                {
                    best = clock.Elapsed < best ? clock.Elapsed : best;
                }
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"| missing={language}, page {page} of 200 | {total} | {best.TotalMilliseconds:F0} ms |");
        }

        return table.ToString();
    }

    private static async Task<(string, LibrarySyncSummary, string)> MeasureAsync(
        IServiceProvider services, Guid libraryId, bool full, string label, JellyfinProtocolServer? server)
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
        var requests = server is null ? "" : $", {server.TakeItemRequests()} GET /Items";
        Console.Error.WriteLine($"{label}: {summary.Duration.TotalSeconds:F2} s{requests}");
        return (label, summary, string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {summary.Seen} | {summary.Added} | {summary.Updated} | {summary.Unchanged} | {summary.Gone} | {summary.Duration.TotalSeconds:F2} s | {peakHeap / 1048576.0:F0} MiB | {peakWorkingSet / 1048576.0:F0} MiB |"));
    }
}

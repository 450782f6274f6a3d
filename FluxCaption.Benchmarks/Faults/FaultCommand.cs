using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// The `faults` command: runs a batch of real translation jobs through the Api, a scheduler and two
/// consumer workers while it breaks one thing per row (a worker, Redis, PostgreSQL for 10 s and 90 s,
/// the Api, the scheduler), and prints per row what became of every job.
/// </summary>
public static class FaultCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        FaultOptions options;
        try
        {
            options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<FaultOptions>() ?? new FaultOptions();
            Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var scenarios = FaultScenario.All
            .Where(scenario => string.IsNullOrEmpty(options.Only) || scenario.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase))
            .ToList();
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };

        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("faults");
        var progress = Console.Error;
        await using var cluster = await FaultCluster.StartAsync(progress);
        await using var journal = new FaultJournal(cluster, http);
        await journal.WaitForApiAsync(TimeSpan.FromMinutes(3), stopping.Token);

        // A quiet batch first: the first Apertium runs and JIT warm-up are not what a fault costs.
        var batch = new FaultBatch(cluster, journal, options, progress);
        var warmUp = await batch.RunAsync(new FaultScenario("No fault (warm-up)", (_, _, _) => Task.FromResult(DateTimeOffset.UtcNow)), 0, stopping.Token);
        var results = new List<FaultRowResult> { warmUp };
        for (var i = 0; i < scenarios.Count; i++)
        {
            results.Add(await batch.RunAsync(scenarios[i], i + 1, stopping.Token));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{options.Jobs} jobs per row, {options.Cues} cues each, Apertium en→es; 2 consumer workers, 1 scheduler, 1 Api; lease 15 s, claim idle 15 s, reaper every 5 s."));
        Console.WriteLine();
        Console.WriteLine(FaultRowResult.Format(results));
        return results.Any(row => row.Failed + row.Stuck + row.Duplicated + row.WrongOutput > 0) ? 1 : 0;
    }
}

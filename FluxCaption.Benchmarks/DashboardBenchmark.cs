using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using FluxCaption.Api.Apis.Dashboard;
using FluxCaption.Api.Extensions;
using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The `dashboard` command: seeds a fresh PostgreSQL database with a large library and job history, starts
/// the Api's own services and dashboard endpoint on Kestrel (with its API-key authentication, a private
/// redis-server for the stage queues), and times GET /api/dashboard over HTTP: min, median and max of
/// <see cref="DashboardBenchmarkOptions.Runs"/> requests after one warm-up.
/// </summary>
public static class DashboardBenchmark
{
    private const string ApiKey = "benchmark-key-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        DashboardBenchmarkOptions options;
        try
        {
            options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<DashboardBenchmarkOptions>() ?? new DashboardBenchmarkOptions();
            Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using var postgres = await BenchmarkPostgres.StartAsync(options.Postgres);
        await using var redis = await BenchmarkRedis.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:fluxcaption"] = postgres.ConnectionString,
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Api:Key"] = ApiKey,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddApplicationServices();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDashboardApi();

        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        Console.Error.WriteLine($"Seeding {options.Items} items in {options.Libraries} libraries and {options.Jobs} jobs over {options.HistoryDays} days...");
        var seeding = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await new DashboardSeeder(options, TimeProvider.System).SeedAsync(scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>());
        }

        Console.Error.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s; timing {options.Runs} requests...");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var http = clients.GetRequiredService<IHttpClientFactory>().CreateClient();
        http.BaseAddress = new Uri(address + "/");
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var url = $"api/dashboard?days={options.Window.ToString(CultureInfo.InvariantCulture)}";
        var answer = await GetAsync(http, url);
        var times = new List<TimeSpan>();
        for (var run = 0; run < options.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(http, url);
            times.Add(clock.Elapsed);
        }

        await app.StopAsync();
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        var table = new StringBuilder()
            .AppendLine("| items | libraries | jobs | window | missing figures | finished in window | runs | min | median | max |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {answer.Libraries.Sum(library => library.Items)} | {answer.Libraries.Count} | {answer.JobsByStatus.Sum(status => status.Count)} | {answer.Days} days | {answer.Libraries.Sum(library => library.Languages.Count)} | {answer.PerDay.Sum(day => day.Succeeded + day.Failed)} | {options.Runs} | {times[0].TotalMilliseconds:F0} ms | {median.TotalMilliseconds:F0} ms | {times[^1].TotalMilliseconds:F0} ms |"));
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task<DashboardResponse> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<DashboardResponse>())!;
    }
}

using System.Diagnostics.Metrics;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FluxCaption.Tests.Pipeline;

public sealed class SchedulerClusterTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TwoClusteredSchedulersTogetherRunTheReaperOncePerInterval()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Worker:ReaperInterval"] = "00:00:00.500",
            ["Worker:SchedulerCheckinInterval"] = "00:00:02",
        };
        // Other tests' schedulers run in this process at the same time: count only this test's hosts,
        // recognised by the meter factory (one per host) that created the reaper's meter.
        var firings = new System.Collections.Concurrent.ConcurrentBag<object?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == WorkerTelemetry.Name && instrument.Name == "fluxcaption.jobs.reaped")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            // Each reaper run records one "requeued" measurement.
            foreach (var tag in tags)
            {
                if (tag is { Key: "action", Value: "requeued" })
                {
                    firings.Add(instrument.Meter.Scope);
                }
            }
        });
        listener.Start();

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var ours = new List<object>();
        await using (var first = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings))
        await using (var second = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings))
        {
            ours.Add(first.Services.GetRequiredService<IMeterFactory>());
            ours.Add(second.Services.GetRequiredService<IMeterFactory>());
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            (await Scalar(database, "SELECT count(*) FROM quartz.qrtz_scheduler_state")).ShouldBe(2);
        }

        elapsed.Stop();
        // One firing every 0.5 s for the whole cluster: unclustered, each scheduler would fire its own (about twice as many).
        var expected = elapsed.Elapsed.TotalSeconds / 0.5;
        var runs = firings.Count(scope => scope is not null && ours.Contains(scope));
        runs.ShouldBeGreaterThanOrEqualTo(4);
        runs.ShouldBeLessThanOrEqualTo((int)expected + 2);
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

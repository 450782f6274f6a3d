using System.Diagnostics.Metrics;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker;
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
        var runs = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == WorkerTelemetry.Name && instrument.Name == "fluxcaption.jobs.reaped")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            // Each reaper run records one "requeued" measurement.
            foreach (var tag in tags)
            {
                if (tag is { Key: "action", Value: "requeued" })
                {
                    Interlocked.Increment(ref runs);
                }
            }
        });
        listener.Start();

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await using (var first = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings))
        await using (var second = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            (await Scalar(database, "SELECT count(*) FROM quartz.qrtz_scheduler_state")).ShouldBe(2);
        }

        elapsed.Stop();
        // One firing every 0.5 s for the whole cluster: unclustered, each scheduler would fire its own (about twice as many).
        var firings = elapsed.Elapsed.TotalSeconds / 0.5;
        Volatile.Read(ref runs).ShouldBeGreaterThanOrEqualTo(4);
        Volatile.Read(ref runs).ShouldBeLessThanOrEqualTo((int)firings + 2);
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace FluxCaption.Tests.Pipeline;

public sealed class SchedulerClusterTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TwoClusteredSchedulersNeverBothRunTheSameReaperFiring()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Worker:ReaperInterval"] = "00:00:00.500",
            ["Worker:SchedulerCheckinInterval"] = "00:00:02",
        };

        // The cluster's promise is per firing: each scheduled fire time of the shared trigger runs on one scheduler only.
        // Counting runs against wall time instead flakes on a loaded machine, so record every firing with its scheduled time.
        var firings = new FiringRecorder();
        await using (var first = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings, start: false))
        await using (var second = await PipelineHost.CreateAsync(database, redis, prefix, "scheduler", settings, start: false))
        {
            foreach (var host in new[] { first, second })
            {
                var scheduler = host.Services.GetRequiredKeyedService<IScheduler>("fluxcaption");
                // Building the scheduler is asynchronous; awaiting one of its methods builds it without starting it.
                await scheduler.GetSchedulerInstanceId(TestContext.Current.CancellationToken);
                scheduler.ListenerManager.AddJobListener(firings, [Matchers.Key(LeaseReaperJob.Key)]);
                await host.Host.StartAsync(TestContext.Current.CancellationToken);
            }

            // Both schedulers check in to the cluster table, then both compete for the same trigger for a while.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await Scalar(database, "SELECT count(*) FROM quartz.qrtz_scheduler_state") < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            (await Scalar(database, "SELECT count(*) FROM quartz.qrtz_scheduler_state")).ShouldBe(2);
            var wanted = firings.Count + 8;
            while (firings.Count < wanted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        var recorded = firings.Snapshot();
        recorded.Count.ShouldBeGreaterThanOrEqualTo(8);
        var doubled = recorded.GroupBy(firing => (firing.Trigger, firing.ScheduledAt)).Where(group => group.Count() > 1).ToList();
        doubled.ShouldBeEmpty();
        recorded.Select(firing => firing.Instance).Distinct().Count().ShouldBeLessThanOrEqualTo(2);
    }

    private sealed record Firing(string Trigger, DateTimeOffset? ScheduledAt, string Instance);

    private sealed class FiringRecorder : IJobListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Firing> firings = new();

        public string Name { get; } = "cluster-test-recorder-" + Guid.NewGuid().ToString("N");

        public int Count => firings.Count;

        public IReadOnlyList<Firing> Snapshot() => [.. firings];

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            // A recovery re-run of a crashed scheduler's firing is Quartz doing its job, not a double firing.
            if (!context.Recovering)
            {
                firings.Enqueue(new Firing(context.Trigger.Key.ToString(), context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

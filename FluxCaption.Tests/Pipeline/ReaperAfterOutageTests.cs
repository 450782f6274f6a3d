using System.Collections.Concurrent;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FluxCaption.Tests.Pipeline;

/// <summary>A real PostgreSQL of its own, stopped for longer than a lease and started again under a running scheduler.</summary>
public sealed class ReaperAfterOutageTests(RedisServer redis)
{
    private static readonly TimeSpan ReaperInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(70);

    [Fact]
    public async Task AfterADatabaseOutageTheReaperRunsWithinItsIntervalAndHandsBackALeaseThatExpiredMeanwhileWithoutUsingAnAttempt()
    {
        await using var postgres = await StoppablePostgres.CreateAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Worker:ReaperInterval"] = ReaperInterval.ToString(),
            ["Worker:SchedulerCheckinInterval"] = "00:00:02",
        };
        await using var scheduler = await PipelineHost.CreateAsync(postgres.ConnectionString, redis, prefix, "scheduler", settings, start: false);
        var runs = new ReaperRuns();
        var quartz = scheduler.Services.GetRequiredKeyedService<IScheduler>("fluxcaption");
        // Building the scheduler is asynchronous; awaiting one of its methods builds it without starting it.
        await quartz.GetSchedulerInstanceId(TestContext.Current.CancellationToken);
        quartz.ListenerManager.AddJobListener(runs, [Matchers.Key(LeaseReaperJob.Key)]);
        await scheduler.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => Task.FromResult(runs.Completed.Count >= 2), "the reaper ran before the outage", TimeSpan.FromSeconds(60));

        // A job on its last attempt whose worker is cut off from the database: its lease runs out during the outage.
        var job = await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2);
        await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<FluxCaptionDbContext>().Jobs
            .Where(candidate => candidate.Id == job.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(candidate => candidate.Status, JobStatus.Running)
                .SetProperty(candidate => candidate.Attempt, candidate => candidate.MaxAttempts)
                .SetProperty(candidate => candidate.LeaseOwner, "worker-cut-off")
                .SetProperty(candidate => candidate.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(5))));

        await postgres.StopAsync();
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        await postgres.StartAsync();
        var back = DateTimeOffset.UtcNow;

        var margin = TimeSpan.FromSeconds(5);
        await Eventually.HoldsAsync(() => Task.FromResult(runs.Completed.Any(completed => completed > back)),
            "the reaper ran after the database came back", ReaperInterval + margin + TimeSpan.FromSeconds(120));
        var firstRun = runs.Completed.Where(completed => completed > back).Min();
        (firstRun - back).ShouldBeLessThanOrEqualTo(ReaperInterval + margin, "the reaper runs within its interval once the database is back");

        var handedBack = await SampleJobs.GetAsync(scheduler.Services, job.Id);
        handedBack.Status.ShouldBe(JobStatus.Queued);
        handedBack.Attempt.ShouldBe(handedBack.MaxAttempts - 1, "the outage did not use up the last attempt");
        handedBack.ErrorCode.ShouldBe(JobErrorCodes.DependencyUnavailable);
        var timeline = await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<FluxCaptionDbContext>().JobEvents
            .Where(entry => entry.JobId == job.Id).Select(entry => entry.Type).ToListAsync());
        timeline.ShouldContain(JobEventTypes.Requeued);
        timeline.ShouldNotContain(JobEventTypes.Failed);
    }

    /// <summary>When each reaper run finished without an error.</summary>
    private sealed class ReaperRuns : IJobListener
    {
        private readonly ConcurrentQueue<DateTimeOffset> _completed = new();

        public string Name { get; } = "outage-test-reaper-runs-" + Guid.NewGuid().ToString("N");

        public IReadOnlyList<DateTimeOffset> Completed => [.. _completed];

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is null)
            {
                _completed.Enqueue(DateTimeOffset.UtcNow);
            }

            return ValueTask.CompletedTask;
        }
    }
}

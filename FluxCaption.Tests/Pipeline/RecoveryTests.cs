using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FluxCaption.Tests.Pipeline;

public sealed class RecoveryTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AMessageDeliveredMoreOftenThanTheLimitIsDeadLetteredAndItsJobFailsWithAClearCode()
    {
        // Two consumers take the entry and die without acknowledging it.
        var (worker, job) = await JobWhoseEntryWasDeliveredTwiceAsync();
        await using var disposedAtTheEnd = worker;

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Failed);

        var failed = await SampleJobs.GetAsync(worker.Services, job.Id);
        failed.ErrorCode.ShouldBe(JobErrorCodes.DeadLettered);
        failed.ErrorMessage.ShouldNotBeNull().ShouldContain("3 times");
        worker.Engine.BatchCount.ShouldBe(0);
        var keys = worker.Services.GetRequiredService<RedisKeys>();
        var db = worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var dead = await db.StreamRangeAsync(keys.DeadLetterStream(JobStage.Translate));
        dead.Length.ShouldBe(1);
        dead[0]["jobId"].ToString().ShouldBe(job.Id.ToString());
        (await db.StreamLengthAsync(keys.StageStream(JobStage.Translate))).ShouldBe(0);
    }

    [Fact]
    public async Task DeliveriesThatOnlyMetAnOutageDoNotDeadLetterAJobTheOutageHandedBack()
    {
        // Seen in the fault harness: while PostgreSQL was down for 90 s, consumers kept claiming the entry
        // of a job they could not even read; once it was back, the job had been requeued (attempt refunded)
        // but its entry's delivery count was over the limit, and the job was failed as dead-lettered.
        var (worker, job) = await JobWhoseEntryWasDeliveredTwiceAsync();
        await using var disposedAtTheEnd = worker;
        // What the outage hand-back (or the reaper after an outage) leaves: queued, attempt refunded.
        await SampleJobs.WithScopeAsync(worker.Services, async services =>
            await services.GetRequiredService<Core.Data.FluxCaptionDbContext>().Jobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.ErrorCode, JobErrorCodes.DependencyUnavailable)
                    .SetProperty(j => j.ErrorMessage, "PostgreSQL unavailable: the database was stopped"), TestContext.Current.CancellationToken));

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var keys = worker.Services.GetRequiredService<RedisKeys>();
        var db = worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        (await db.StreamLengthAsync(keys.DeadLetterStream(JobStage.Translate))).ShouldBe(0);
    }

    // A worker (not started) that allows two deliveries, and a job whose entry two consumers have
    // already taken without acknowledging it: the next claim is over the limit.
    private async Task<(PipelineHost Worker, Job Job)> JobWhoseEntryWasDeliveredTwiceAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:MaxDeliveries"] = "2",
            ["Messaging:ClaimIdleTime"] = "00:00:00.200",
        };
        var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, start: false);
        var queue = worker.Services.GetRequiredService<StageQueue>();
        await queue.EnsureGroupAsync(JobStage.Translate);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 2);
        (await queue.ReadNewAsync(JobStage.Translate, "gone-1", 1)).Count.ShouldBe(1);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        (await queue.ClaimIdleAsync(JobStage.Translate, "gone-2", 1)).Single().DeliveryCount.ShouldBe(2);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        return (worker, job);
    }

    [Fact]
    public async Task TheReaperRequeuesAJobWhoseWorkerStoppedRenewingItsLeaseAndAnotherWorkerFinishesIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var scheduler = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var job = await SampleJobs.CreateAsync(scheduler.Services, cueCount: 4);
        await SampleJobs.WithScopeAsync(scheduler.Services, services =>
            services.GetRequiredService<JobStateStore>().TryLeaseAsync(job.Id, "vanished-worker", TimeSpan.FromMilliseconds(200), CancellationToken.None));
        // The vanished worker's entry was acknowledged; only the reaper can bring the job back.
        await scheduler.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .KeyDeleteAsync(scheduler.Services.GetRequiredService<RedisKeys>().StageStream(JobStage.Translate));
        await Task.Delay(400, TestContext.Current.CancellationToken);

        var reaped = await SampleJobs.WithScopeAsync(scheduler.Services,
            services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));

        reaped.Requeued.ShouldBe(1);
        var requeued = await SampleJobs.GetAsync(scheduler.Services, job.Id);
        requeued.Status.ShouldBe(JobStatus.Queued);
        requeued.LeaseOwner.ShouldBeNull();
        await using var worker = await PipelineHost.CreateAsync(database, redis, prefix, "consumer");
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);
        (await SampleJobs.GetAsync(worker.Services, job.Id)).Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task TheReaperFailsAJobWhoseLastAttemptLostItsWorker()
    {
        var settings = new Dictionary<string, string?> { ["Jobs:DefaultMaxAttempts"] = "1" };
        await using var scheduler = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none", settings);
        var job = await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2);
        await SampleJobs.WithScopeAsync(scheduler.Services, services =>
            services.GetRequiredService<JobStateStore>().TryLeaseAsync(job.Id, "vanished-worker", TimeSpan.FromMilliseconds(100), CancellationToken.None));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));

        var failed = await SampleJobs.GetAsync(scheduler.Services, job.Id);
        failed.Status.ShouldBe(JobStatus.Failed);
        failed.ErrorCode.ShouldBe(JobErrorCodes.AttemptsExhausted);
        failed.FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheReaperLeavesAJobWithALiveLeaseAlone()
    {
        await using var scheduler = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none");
        var job = await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2);
        await SampleJobs.WithScopeAsync(scheduler.Services, services =>
            services.GetRequiredService<JobStateStore>().TryLeaseAsync(job.Id, "busy-worker", TimeSpan.FromMinutes(5), CancellationToken.None));

        var reaped = await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));

        reaped.Requeued.ShouldBe(0);
        var running = await SampleJobs.GetAsync(scheduler.Services, job.Id);
        running.Status.ShouldBe(JobStatus.Running);
        running.LeaseOwner.ShouldBe("busy-worker");
    }

    [Fact]
    public async Task TheReaperDispatchesAQueuedJobWhoseStreamEntryWasLost()
    {
        var settings = new Dictionary<string, string?> { ["Jobs:RedispatchAfter"] = "00:00:00" };
        await using var scheduler = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none", settings);
        var job = await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2);
        var keys = scheduler.Services.GetRequiredService<RedisKeys>();
        var db = scheduler.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await db.KeyDeleteAsync(keys.StageStream(JobStage.Translate));

        var reaped = await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));
        var again = await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));

        reaped.Redispatched.ShouldBe(1);
        again.Redispatched.ShouldBe(0);
        var live = await scheduler.Services.GetRequiredService<StageQueue>().LiveJobIdsAsync(JobStage.Translate);
        live.ShouldBe([job.Id]);
    }

    [Fact]
    public async Task EventsOfAJobCanBeReadFromTheFeedAfterAnyId()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");
        var feed = worker.Services.GetRequiredService<IJobEventFeed>();
        var start = await feed.GetLatestIdAsync(TestContext.Current.CancellationToken);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var events = await feed.ReadAsync(start, job.Id, 100, TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        events.Select(e => e.Type).ShouldBe([JobEventTypes.Created, JobEventTypes.Started, JobEventTypes.Progress, JobEventTypes.Progress, JobEventTypes.Succeeded]);
        events.Last().Data.ShouldContain("\"status\":\"succeeded\"");
        var afterSecond = await feed.ReadAsync(events[1].Id, job.Id, 100, TimeSpan.Zero, TestContext.Current.CancellationToken);
        afterSecond.Select(e => e.Id).ShouldBe(events.Skip(2).Select(e => e.Id));
        var none = await feed.ReadAsync(events[^1].Id, job.Id, 100, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        none.ShouldBeEmpty();
    }
}

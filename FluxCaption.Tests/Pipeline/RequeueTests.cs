using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>A stop flag whose control message never arrived must still win when the stage gives the job back.</summary>
public sealed class RequeueTests(PostgresServer postgres, RedisServer redis)
{
    // A slow heartbeat: neither it nor a control message stops the stage before the transient error.
    private static readonly Dictionary<string, string?> SlowHeartbeat = new() { ["Jobs:HeartbeatInterval"] = "00:00:30", ["Jobs:LeaseTtl"] = "00:01:00" };

    [Fact]
    public async Task AJobWithAPendingCancelThatFailsTransientlyEndsCancelledInsteadOfStuckInTheQueue()
    {
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0), FailAt = (2, new HttpRequestException("connection refused")) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", SlowHeartbeat, engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the first batch is in flight");

        await SetFlagAsync(worker.Services, job.Id, cancel: true);
        engine.Gate.Release();
        var ended = await WaitUntilNotRunningAsync(worker.Services, job.Id);

        ended.Status.ShouldBe(JobStatus.Cancelled);
        ended.FinishedAt.ShouldNotBeNull();
        ended.LeaseOwner.ShouldBeNull();
        JobCheckpoint.ReadCues(ended.Checkpoint).Keys.Order().ShouldBe([0, 1]);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        engine.BatchCount.ShouldBe(2);
        (await EventTypesAsync(worker.Services, job.Id)).ShouldContain(JobEventTypes.Cancelled);
    }

    [Fact]
    public async Task AJobWithAPendingPauseThatFailsTransientlyEndsPausedAndCanBeResumed()
    {
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0), FailAt = (2, new HttpRequestException("connection refused")) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", SlowHeartbeat, engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the first batch is in flight");

        await SetFlagAsync(worker.Services, job.Id, cancel: false);
        engine.Gate.Release();
        var ended = await WaitUntilNotRunningAsync(worker.Services, job.Id);

        ended.Status.ShouldBe(JobStatus.Paused);
        ended.PauseRequested.ShouldBeFalse();
        ended.FinishedAt.ShouldBeNull();
        (await EventTypesAsync(worker.Services, job.Id)).ShouldContain(JobEventTypes.Paused);
        engine.Gate = null;
        var resume = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().ResumeAsync(job.Id, CancellationToken.None));
        resume.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);
        engine.Requests["0"].ShouldBe(1);
    }

    /// <summary>Sets the flag as the Api does for a running job, but without the control message (as if it were lost).</summary>
    private static Task<int> SetFlagAsync(IServiceProvider services, Guid id, bool cancel) =>
        SampleJobs.WithScopeAsync(services, scoped => scoped.GetRequiredService<FluxCaptionDbContext>().Jobs
            .Where(job => job.Id == id && job.Status == JobStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.CancelRequested, job => cancel || job.CancelRequested)
                .SetProperty(job => job.PauseRequested, job => !cancel || job.PauseRequested)));

    private static async Task<Job> WaitUntilNotRunningAsync(IServiceProvider services, Guid id)
    {
        await Eventually.HoldsAsync(async () => (await SampleJobs.GetAsync(services, id)).Status != JobStatus.Running, $"job {id} stopped running");
        return await SampleJobs.GetAsync(services, id);
    }

    private static Task<List<string>> EventTypesAsync(IServiceProvider services, Guid id) =>
        SampleJobs.WithScopeAsync(services, scoped => scoped.GetRequiredService<FluxCaptionDbContext>().JobEvents
            .Where(entry => entry.JobId == id).OrderBy(entry => entry.CreatedAt).Select(entry => entry.Type).ToListAsync());
}

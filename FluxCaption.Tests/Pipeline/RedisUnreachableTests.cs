using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FluxCaption.Tests.Pipeline;

/// <summary>
/// An Api or scheduler whose Redis connection points at a port nobody listens on, beside a Worker
/// with a working Redis: state changes are committed in Postgres, and the workers find them there.
/// </summary>
public sealed class RedisUnreachableTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task CancellingARunningJobWhileRedisIsUnreachableSucceedsAndTheWorkerStillStopsIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0) };
        await using var worker = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", engine: engine);
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none", WithoutRedis());
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the first batch is in flight");

        var cancel = await SampleJobs.WithScopeAsync(api.Services,
            services => services.GetRequiredService<IJobService>().CancelAsync(job.Id, CancellationToken.None));

        cancel.Result.ShouldBe(JobControlResult.Applied);
        cancel.Job!.CancelRequested.ShouldBeTrue();
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PausingARunningJobWhileRedisIsUnreachableSucceedsAndTheWorkerStillPausesIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0) };
        await using var worker = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", engine: engine);
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none", WithoutRedis());
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the first batch is in flight");

        var pause = await SampleJobs.WithScopeAsync(api.Services,
            services => services.GetRequiredService<IJobService>().PauseAsync(job.Id, CancellationToken.None));

        pause.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Paused, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TheReaperRequeuesEveryExpiredJobEvenWhenRedisIsUnreachableAndALaterRunDispatchesThem()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var immediate = new Dictionary<string, string?> { ["Jobs:RedispatchAfter"] = "00:00:00" };
        await using var scheduler = await PipelineHost.CreateAsync(database, redis, prefix, "none", immediate);
        await using var cutOff = await PipelineHost.CreateAsync(database, redis, prefix, "none", WithoutRedis(immediate));
        var jobs = new[] { await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2), await SampleJobs.CreateAsync(scheduler.Services, cueCount: 2) };
        foreach (var job in jobs)
        {
            await SampleJobs.WithScopeAsync(scheduler.Services, services =>
                services.GetRequiredService<JobStateStore>().TryLeaseAsync(job.Id, "vanished-worker", TimeSpan.FromMilliseconds(100), CancellationToken.None));
        }

        var keys = scheduler.Services.GetRequiredService<RedisKeys>();
        await scheduler.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyDeleteAsync(keys.StageStream(JobStage.Translate));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        await SampleJobs.WithScopeAsync(cutOff.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));

        foreach (var job in jobs)
        {
            var requeued = await SampleJobs.GetAsync(scheduler.Services, job.Id);
            requeued.Status.ShouldBe(JobStatus.Queued);
            requeued.LeaseOwner.ShouldBeNull();
        }

        var later = await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));
        later.Redispatched.ShouldBe(2);
        var live = await scheduler.Services.GetRequiredService<StageQueue>().LiveJobIdsAsync(JobStage.Translate);
        live.Order().ShouldBe(jobs.Select(job => job.Id).Order());
    }

    /// <summary>Settings whose Redis is a free port nobody listens on, with short timeouts so each failure is quick.</summary>
    private static Dictionary<string, string?> WithoutRedis(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:redis"] = $"127.0.0.1:{ChildProcess.FreeTcpPort()},connectTimeout=500,asyncTimeout=500,syncTimeout=500",
        };
        return settings;
    }
}

using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Pipeline;

public sealed class ShutdownTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AWorkerStoppingGracefullyHandsItsRunningJobBackAndTheNextWorkerResumesIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(1) };
        await using var first = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", engine: engine);
        var job = await SampleJobs.CreateAsync(first.Services, cueCount: 6);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 2), "the second batch is in flight");

        await first.StopAsync();

        var handedBack = await SampleJobs.GetAsync(first.Services, job.Id);
        handedBack.Status.ShouldBe(JobStatus.Queued);
        handedBack.LeaseOwner.ShouldBeNull();
        JobCheckpoint.ReadCues(handedBack.Checkpoint).Keys.Order().ShouldBe([0, 1]);

        engine.Gate = null;
        await using var second = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", engine: engine);
        await SampleJobs.WaitForStatusAsync(second.Services, job.Id, JobStatus.Succeeded);
        engine.Requests["0"].ShouldBe(1);
        engine.Requests["5"].ShouldBe(1);
    }

    [Fact]
    public async Task AGracefulShutdownDoesNotUseUpOneOfTheJobsAttempts()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var settings = new Dictionary<string, string?> { ["Jobs:DefaultMaxAttempts"] = "2" };
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(1) };
        await using var first = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", settings, engine);
        var job = await SampleJobs.CreateAsync(first.Services, cueCount: 6);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 2), "the second batch is in flight");

        await first.StopAsync();

        (await SampleJobs.GetAsync(first.Services, job.Id)).Attempt.ShouldBe(0);
        // The next worker's first batch fails transiently: with both attempts left it is requeued, not failed.
        engine.Gate = null;
        engine.FailAt = (3, new HttpRequestException("connection refused"));
        await using var second = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", settings, engine);
        await Eventually.HoldsAsync(async () => (await SampleJobs.GetAsync(second.Services, job.Id)).Status is JobStatus.Succeeded or JobStatus.Failed,
            "the job finished");
        var finished = await SampleJobs.GetAsync(second.Services, job.Id);
        finished.Status.ShouldBe(JobStatus.Succeeded, finished.ErrorMessage);
        finished.Attempt.ShouldBe(2);
    }
}

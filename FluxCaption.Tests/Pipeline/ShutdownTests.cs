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
}

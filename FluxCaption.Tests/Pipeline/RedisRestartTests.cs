using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Pipeline;

/// <summary>Restarts the shared Redis, so it runs alone.</summary>
[Collection(nameof(RedisRestartCollection))]
public sealed class RedisRestartTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AJobQueuedBeforeRedisRestartsIsStillDoneAfterwards()
    {
        Assert.SkipUnless(redis.CanRestart, "FLUXCAPTION_TEST_REDIS names an external Redis, which tests cannot restart.");
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var job = await SampleJobs.CreateAsync(api.Services, cueCount: 4);

        await redis.RestartAsync();

        await using var worker = await PipelineHost.CreateAsync(database, redis, prefix, "consumer");
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);
        worker.Engine.Requests.Count.ShouldBe(4);
    }
}

[CollectionDefinition(nameof(RedisRestartCollection), DisableParallelization = true)]
public sealed class RedisRestartCollection;

using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

public sealed class FailureTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AnEngineErrorFailsTheJobAndARetryContinuesAfterTheCuesAlreadyTranslated()
    {
        var engine = new PrefixingTranslationEngine { FailAt = (2, new InvalidOperationException("model refused the request")) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", engine: engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 6);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Failed);

        var failed = await SampleJobs.GetAsync(worker.Services, job.Id);
        failed.ErrorCode.ShouldBe(JobErrorCodes.EngineError);
        failed.ErrorMessage.ShouldBe("model refused the request");
        JobCheckpoint.ReadCues(failed.Checkpoint).Keys.Order().ShouldBe([0, 1]);

        var retry = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().RetryAsync(job.Id, retranslateKept: false, CancellationToken.None));
        retry.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var succeeded = await SampleJobs.GetAsync(worker.Services, job.Id);
        succeeded.ErrorCode.ShouldBeNull();
        engine.Requests["0"].ShouldBe(1);
        engine.Requests["1"].ShouldBe(1);
        engine.Requests["2"].ShouldBe(2);
        engine.Requests["5"].ShouldBe(1);
    }

    [Fact]
    public async Task ATransientEngineErrorRequeuesTheJobWhichThenSucceedsOnItsNextAttempt()
    {
        var engine = new PrefixingTranslationEngine { FailAt = (1, new HttpRequestException("connection refused")) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", engine: engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var succeeded = await SampleJobs.GetAsync(worker.Services, job.Id);
        succeeded.Attempt.ShouldBe(2);
        succeeded.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task AJobWhoseTransientErrorsOutlastItsAttemptsFails()
    {
        var engine = new PrefixingTranslationEngine();
        var settings = new Dictionary<string, string?> { ["Jobs:DefaultMaxAttempts"] = "1" };
        engine.FailAt = (1, new HttpRequestException("connection refused"));
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 4);

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Failed);

        var failed = await SampleJobs.GetAsync(worker.Services, job.Id);
        failed.ErrorCode.ShouldBe(JobErrorCodes.EngineError);
        failed.ErrorMessage.ShouldBe("connection refused");
    }

    [Fact]
    public async Task ADatabaseOutageInTheMiddleOfAJobHandsItBackWithoutUsingAnAttemptAndItResumesFromItsCheckpoint()
    {
        // One attempt only: before the change, EF giving up its retries failed the job for good as an engine error.
        var settings = new Dictionary<string, string?> { ["Jobs:DefaultMaxAttempts"] = "1" };
        var engine = new PrefixingTranslationEngine { FailAt = (2, await UnreachableDependencies.EfAfterRetriesAsync()) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 6);

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var succeeded = await SampleJobs.GetAsync(worker.Services, job.Id);
        succeeded.Attempt.ShouldBe(1);
        engine.Requests["0"].ShouldBe(1);
        engine.Requests["1"].ShouldBe(1);
    }
}

using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

public sealed class JobPipelineTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ATranslationJobRunsToSucceededAndItsResultIsTheTranslatedSrtNamedForTheTargetLanguage()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");

        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 5, fileName: "movie.en.srt");
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var result = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        result.ShouldNotBeNull();
        result.FileName.ShouldBe("movie.es.srt");
        result.ContentType.ShouldBe("application/x-subrip");
        var text = System.Text.Encoding.UTF8.GetString(result.Content!);
        text.ShouldContain("1\n00:00:03,000 --> 00:00:05,000\n[es] Line 1\n");
        text.ShouldContain("5\n00:00:15,000 --> 00:00:17,000\n[es] Line 5\n");
        text.ShouldNotContain("\nLine ");
        result.Job.Progress.ShouldBe(1.0);
        result.Job.FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task TwoWorkersRacingForOneQueuedJobLeaseItExactlyOnce()
    {
        await using var host = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none");
        var job = await SampleJobs.CreateAsync(host.Services, cueCount: 2);

        var attempts = Enumerable.Range(0, 8).Select(worker => SampleJobs.WithScopeAsync(host.Services,
            services => services.GetRequiredService<JobStateStore>().TryLeaseAsync(job.Id, $"worker-{worker}", TimeSpan.FromMinutes(1), CancellationToken.None)));
        var won = await Task.WhenAll(attempts);

        won.Count(leased => leased).ShouldBe(1);
        var leasedJob = await SampleJobs.GetAsync(host.Services, job.Id);
        leasedJob.Status.ShouldBe(JobStatus.Running);
        leasedJob.Attempt.ShouldBe(1);
        leasedJob.LeaseOwner.ShouldBe($"worker-{Array.IndexOf(won, true)}");
    }

    [Fact]
    public async Task ADuplicateDeliveryToAnotherWorkerTranslatesEveryCueOnlyOnce()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        var engine = new PrefixingTranslationEngine { BatchDelay = TimeSpan.FromMilliseconds(150) };
        await using var first = await PipelineHost.CreateAsync(database, redis, prefix, "consumer",
            new Dictionary<string, string?> { ["Worker:ConsumerName"] = "first" }, engine, start: false);
        await using var second = await PipelineHost.CreateAsync(database, redis, prefix, "consumer",
            new Dictionary<string, string?> { ["Worker:ConsumerName"] = "second" }, engine, start: false);
        var job = await SampleJobs.CreateAsync(first.Services, cueCount: 6);
        await first.Services.GetRequiredService<StageDispatcher>().DispatchAsync(job.Id, JobStage.Translate, 0, CancellationToken.None);

        await Task.WhenAll(first.Host.StartAsync(TestContext.Current.CancellationToken), second.Host.StartAsync(TestContext.Current.CancellationToken));
        await SampleJobs.WaitForStatusAsync(first.Services, job.Id, JobStatus.Succeeded);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        engine.Requests.Keys.Order().ShouldBe(["0", "1", "2", "3", "4", "5"]);
        engine.Requests.Values.ShouldAllBe(count => count == 1);
        engine.BatchCount.ShouldBe(3);
        (await SampleJobs.GetAsync(first.Services, job.Id)).Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task CancellingARunningJobEndsItCancelledAndALateBatchCommitCannotReviveIt()
    {
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(1) };
        // A slow heartbeat: only the control channel can stop the stage within the wait below.
        var settings = new Dictionary<string, string?> { ["Jobs:HeartbeatInterval"] = "00:00:30", ["Jobs:LeaseTtl"] = "00:01:00" };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 6);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 2), "the second batch is in flight");
        var owner = (await SampleJobs.GetAsync(worker.Services, job.Id)).LeaseOwner!;

        var outcome = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().CancelAsync(job.Id, CancellationToken.None));
        outcome.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(10));

        var lateCommit = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<JobStateStore>().SaveCheckpointAsync(job.Id, owner, "{\"cues\":{}}", 0.9, CancellationToken.None));
        var lateSuccess = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<JobStateStore>().CompleteAsync(job.Id, owner, Guid.NewGuid(), null, CancellationToken.None));
        lateCommit.ShouldBeFalse();
        lateSuccess.ShouldBeFalse();
        var cancelled = await SampleJobs.GetAsync(worker.Services, job.Id);
        cancelled.Status.ShouldBe(JobStatus.Cancelled);
        cancelled.ResultDocumentId.ShouldBeNull();
        JobCheckpoint.ReadCues(cancelled.Checkpoint).Keys.Order().ShouldBe([0, 1]);
        cancelled.Progress.ShouldBe(2.0 / 6, tolerance: 0.0001);
    }

    [Fact]
    public async Task PausingARunningJobKeepsItsCheckpointAndResumingTranslatesOnlyTheRest()
    {
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(1) };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", engine: engine);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 6);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 2), "the second batch is in flight");

        var pause = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().PauseAsync(job.Id, CancellationToken.None));
        pause.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Paused);
        var paused = await SampleJobs.GetAsync(worker.Services, job.Id);
        JobCheckpoint.ReadCues(paused.Checkpoint).Keys.Order().ShouldBe([0, 1]);

        engine.Gate = null;
        var resume = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().ResumeAsync(job.Id, CancellationToken.None));
        resume.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        engine.Requests["0"].ShouldBe(1);
        engine.Requests["1"].ShouldBe(1);
        engine.Requests["4"].ShouldBe(1);
        engine.Requests["5"].ShouldBe(1);
        var result = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        var text = System.Text.Encoding.UTF8.GetString(result!.Content!);
        for (var line = 1; line <= 6; line++)
        {
            text.ShouldContain($"[es] Line {line}\n");
        }
    }

    [Fact]
    public async Task ControlCallsOnFinishedJobsAreRefusedAndLeaveThemUntouched()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 2);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        await using var scope = worker.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobService>();
        (await jobs.CancelAsync(job.Id, CancellationToken.None)).Result.ShouldBe(JobControlResult.Conflict);
        (await jobs.PauseAsync(job.Id, CancellationToken.None)).Result.ShouldBe(JobControlResult.Conflict);
        (await jobs.RetryAsync(job.Id, retranslateKept: false, CancellationToken.None)).Result.ShouldBe(JobControlResult.Conflict);
        (await jobs.CancelAsync(Guid.NewGuid(), CancellationToken.None)).Result.ShouldBe(JobControlResult.NotFound);
        (await jobs.GetAsync(job.Id, CancellationToken.None))!.Status.ShouldBe(JobStatus.Succeeded);
    }
}

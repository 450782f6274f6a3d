using System.Text.Json;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The real Worker executable, translating with Apertium, killed with SIGKILL in the middle of a job.</summary>
public sealed class WorkerCrashTests(PostgresServer postgres, RedisServer redis)
{
    private const int CueCount = 150;

    [Fact]
    public async Task AWorkerKilledMidJobLosesAtMostTheBatchInFlightAndANewWorkerFinishesTheJob()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var request = new NewTranslationJob(Document(), "lecture.en.srt", "en", "es", "apertium", null, SubtitleFormat.Srt);
        var job = await SampleJobs.WithScopeAsync(api.Services,
            services => services.GetRequiredService<IJobService>().CreateTranslationJobAsync(request, CancellationToken.None));
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__fluxcaption"] = database,
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Messaging__KeyPrefix"] = prefix,
            ["Messaging__PollInterval"] = "00:00:00.200",
            ["Messaging__ClaimIdleTime"] = "00:00:02",
            ["Messaging__ProgressEventInterval"] = "00:00:00",
            ["Jobs__LeaseTtl"] = "00:00:03",
            ["Jobs__HeartbeatInterval"] = "00:00:00.500",
            ["Worker__ClaimInterval"] = "00:00:01",
            ["Worker__ReaperInterval"] = "00:00:01",
            ["Translation__MaxCuesPerBatch"] = "5",
            ["Translation__MaxParallelBatches"] = "1",
            ["Worker__Roles"] = "consumer",
        };

        int checkpointedAtKill;
        await using (var first = WorkerProcess.Start(environment))
        {
            await Eventually.HoldsAsync(async () => CheckpointedCues(await SampleJobs.GetAsync(api.Services, job.Id)) >= 10,
                "the first worker has committed a few batches", TimeSpan.FromSeconds(90));
            first.Kill();
            // A COMMIT the worker sent just before dying is still applied by Postgres: let it land before reading.
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            checkpointedAtKill = CheckpointedCues(await SampleJobs.GetAsync(api.Services, job.Id));
        }

        var killed = await SampleJobs.GetAsync(api.Services, job.Id);
        killed.Status.ShouldBe(JobStatus.Running, "nothing marks a job failed because its worker died");
        checkpointedAtKill.ShouldBeLessThan(CueCount, "the job should still have been running when the worker was killed");

        environment["Worker__Roles"] = "consumer,scheduler";
        await using (var second = WorkerProcess.Start(environment))
        {
            await Eventually.HoldsAsync(async () => (await SampleJobs.GetAsync(api.Services, job.Id)).Status == JobStatus.Succeeded,
                "the second worker finished the job", TimeSpan.FromSeconds(120));
        }

        var done = await SampleJobs.GetAsync(api.Services, job.Id);
        done.Attempt.ShouldBe(2);
        var events = await api.Services.GetRequiredService<IJobEventFeed>()
            .ReadAsync("0", job.Id, 10_000, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var secondStart = events.Select((e, index) => (e, index)).Last(pair => pair.e.Type == JobEventTypes.Started).index;
        var firstProgressAfterRestart = events.Skip(secondStart).First(e => e.Type == JobEventTypes.Progress);
        var resumedAt = JsonDocument.Parse(firstProgressAfterRestart.Data).RootElement.GetProperty("progress").GetDouble() * CueCount;
        // The second attempt's first batch already counts every cue committed before the kill.
        resumedAt.ShouldBeGreaterThan(checkpointedAtKill);
        resumedAt.ShouldBeLessThanOrEqualTo(checkpointedAtKill + 5, "one batch of at most 5 cues after the checkpoint");

        var result = await SampleJobs.WithScopeAsync(api.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        var text = System.Text.Encoding.UTF8.GetString(result!.Content!);
        result.FileName.ShouldBe("lecture.es.srt");
        text.ShouldContain("El perro");
        text.ShouldNotContain("The dog");
        text.Split(" --> ").Length.ShouldBe(CueCount + 1);
    }

    private static int CheckpointedCues(Job job) => JobCheckpoint.ReadCues(job.Checkpoint).Count;

    private static SubtitleDocument Document()
    {
        var document = SampleJobs.Srt(CueCount);
        foreach (var (cue, index) in document.Cues.Select((cue, index) => (cue, index)))
        {
            cue.Text = $"The dog eats {index + 1} apples in the house.";
        }

        return document;
    }
}

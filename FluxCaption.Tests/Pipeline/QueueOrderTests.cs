using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>Stage streams are first in, first out; the order jobs run in is the database's: priority, then age.</summary>
public sealed class QueueOrderTests(PostgresServer postgres, RedisServer redis)
{
    private static readonly Dictionary<string, string?> OneAtATime = new()
    {
        ["Worker:Stages:0"] = "translate",
        ["Worker:Concurrency:translate"] = "1",
        // Only the order of reads decides here: no entry is claimed from a dead consumer during the test.
        ["Messaging:ClaimIdleTime"] = "00:10:00",
    };

    [Fact]
    public async Task AJobReDispatchedAfterItsWorkerDiedRunsBeforeTheNewerJobsQueuedMeanwhile()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var queue = api.Services.GetRequiredService<StageQueue>();
        await queue.EnsureGroupAsync(JobStage.Translate);
        var old = await SampleJobs.CreateAsync(api.Services, cueCount: 2, "old.en.srt");

        // A worker read the old job's entry, leased the job and died.
        (await queue.ReadNewAsync(JobStage.Translate, "dead-worker", 1)).Single().Message!.JobId.ShouldBe(old.Id);
        await SampleJobs.WithScopeAsync(api.Services, services =>
            services.GetRequiredService<JobStateStore>().TryLeaseAsync(old.Id, "dead-worker", TimeSpan.FromMinutes(1), JobStage.Translate, CancellationToken.None));
        await SampleJobs.WithScopeAsync(api.Services, services => services.GetRequiredService<FluxCaptionDbContext>().Jobs
            .Where(job => job.Id == old.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(job => job.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var newer = new List<Job>();
        for (var index = 0; index < 12; index++)
        {
            newer.Add(await SampleJobs.CreateAsync(api.Services, cueCount: 2, $"newer-{index}.en.srt"));
        }

        // The reaper hands the old job back: its new entry is the last one in the stream.
        var reaped = await SampleJobs.WithScopeAsync(api.Services, services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));
        reaped.Requeued.ShouldBe(1);

        var finished = await RunAllAsync(database, prefix, [old, .. newer]);

        var oldFinished = finished[old.Id];
        oldFinished.ShouldBeLessThan(newer.Min(job => finished[job.Id]), "the re-dispatched job was queued before every newer one");
    }

    [Fact]
    public async Task AHigherPriorityJobQueuedLastRunsBeforeTheOlderOnes()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var ordinary = new List<Job>();
        for (var index = 0; index < 8; index++)
        {
            ordinary.Add(await SampleJobs.CreateAsync(api.Services, cueCount: 2, $"ordinary-{index}.en.srt"));
        }

        var urgent = await SampleJobs.CreateAsync(api.Services, cueCount: 2, "urgent.en.srt");
        await SampleJobs.WithScopeAsync(api.Services, services => services.GetRequiredService<FluxCaptionDbContext>().Jobs
            .Where(job => job.Id == urgent.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(job => job.Priority, 10)));

        var finished = await RunAllAsync(database, prefix, [.. ordinary, urgent]);

        finished[urgent.Id].ShouldBeLessThan(ordinary.Min(job => finished[job.Id]));
        ordinary.Select(job => finished[job.Id]).ShouldBeInOrder(SortDirection.Ascending, "equal priorities run oldest first");
    }

    /// <summary>Starts one consumer that runs a single translation at a time and returns when each job finished.</summary>
    private async Task<Dictionary<Guid, DateTimeOffset>> RunAllAsync(string database, string prefix, IReadOnlyList<Job> jobs)
    {
        await using var worker = await PipelineHost.CreateAsync(database, redis, prefix, "consumer", OneAtATime);
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var job in jobs)
            {
                if ((await SampleJobs.GetAsync(worker.Services, job.Id)).Status != JobStatus.Succeeded)
                {
                    return false;
                }
            }

            return true;
        }, "every job succeeded", TimeSpan.FromSeconds(90));

        var finished = new Dictionary<Guid, DateTimeOffset>();
        foreach (var job in jobs)
        {
            finished[job.Id] = (await SampleJobs.GetAsync(worker.Services, job.Id)).FinishedAt!.Value;
        }

        return finished;
    }
}

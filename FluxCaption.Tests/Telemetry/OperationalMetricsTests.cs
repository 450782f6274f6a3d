using System.Diagnostics.Metrics;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using FluxCaption.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Telemetry;

/// <summary>The scheduler's gauges report what is in the database and the stage streams, as a dashboard shows them.</summary>
public sealed class OperationalMetricsTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TheSchedulerReportsJobsByStatusAndTheWaitingTranslateQueue()
    {
        // No consumer: dispatched jobs stay queued and their entries wait in the translate stream.
        await using var scheduler = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "scheduler",
            new Dictionary<string, string?> { ["Worker:MetricsInterval"] = "00:00:00.200" });
        using var recorded = new RecordedMeasurements(scheduler.Services.GetRequiredService<IMeterFactory>(), WorkerTelemetry.Name);
        var jobs = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await SampleJobs.CreateAsync(scheduler.Services, cueCount: 1, fileName: $"movie{i}.en.srt"));
        }

        await SampleJobs.WithScopeAsync(scheduler.Services, services => services.GetRequiredService<FluxCaptionDbContext>().Jobs
            .Where(job => job.Id == jobs[0].Id)
            .ExecuteUpdateAsync(set => set.SetProperty(job => job.Status, JobStatus.Failed)));

        await Eventually.HoldsAsync(() => Task.FromResult(
            recorded.Observe("fluxcaption.jobs", ("status", "queued")) == 2
            && recorded.Observe("fluxcaption.jobs", ("status", "failed")) == 1
            && recorded.Observe("fluxcaption.queue.waiting", ("stage", "translate")) == 3), "the gauges show the new jobs");

        recorded.Observe("fluxcaption.jobs", ("status", "running")).ShouldBe(0);
        recorded.Observe("fluxcaption.jobs", ("status", "succeeded")).ShouldBe(0);
        recorded.Observe("fluxcaption.queue.pending", ("stage", "translate")).ShouldBe(0);
        recorded.Observe("fluxcaption.queue.waiting", ("stage", "scan")).ShouldBe(0);
        recorded.Observe("fluxcaption.queue.oldest_waiting.age", ("stage", "translate")).ShouldNotBeNull().ShouldBeInRange(0, 60);
        recorded.Observe("fluxcaption.queue.oldest_waiting.age", ("stage", "scan")).ShouldBe(0);

        // A consumer takes one entry: it is pending until acknowledged, the other two still wait.
        var queue = scheduler.Services.GetRequiredService<StageQueue>();
        await queue.EnsureGroupAsync(JobStage.Translate);
        (await queue.ReadNewAsync(JobStage.Translate, "metrics-test", 1)).Count.ShouldBe(1);
        await Eventually.HoldsAsync(() => Task.FromResult(
            recorded.Observe("fluxcaption.queue.pending", ("stage", "translate")) == 1
            && recorded.Observe("fluxcaption.queue.waiting", ("stage", "translate")) == 2), "the read entry counts as pending");
    }
}

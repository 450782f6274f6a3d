using System.Diagnostics;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Pipeline;

public sealed class TracePropagationTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TheWorkersSpanForAJobContinuesTheTraceThatCreatedIt()
    {
        using var recorded = new RecordedActivities(source => source.Name is "FluxCaption.Messaging" or "FluxCaption.Tests");
        var stopped = recorded.Stopped;
        using var testSource = new ActivitySource("FluxCaption.Tests");
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");

        Job job;
        ActivityTraceId traceId;
        using (var request = testSource.StartActivity("POST /api/jobs"))
        {
            traceId = request!.TraceId;
            job = await SampleJobs.CreateAsync(worker.Services, cueCount: 2);
        }

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);
        await Eventually.HoldsAsync(() => Task.FromResult(stopped.Any(IsProcessSpanOf(job))), "the consumer span ended");

        var process = stopped.First(IsProcessSpanOf(job));
        process.TraceId.ShouldBe(traceId);
        process.Kind.ShouldBe(ActivityKind.Consumer);
        stopped.ShouldContain(activity => activity.OperationName == "dispatch translate" && activity.TraceId == traceId);
    }

    private static Func<Activity, bool> IsProcessSpanOf(Job job) =>
        activity => activity.OperationName == "process translate" && Equals(activity.GetTagItem("fluxcaption.job_id"), job.Id);
}

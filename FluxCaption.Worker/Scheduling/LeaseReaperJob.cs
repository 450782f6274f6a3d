using FluxCaption.Core.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

/// <summary>Runs the <see cref="JobReaper"/>; clustered Quartz plus this attribute keep it to one run at a time across schedulers.</summary>
[DisallowConcurrentExecution]
public sealed class LeaseReaperJob(JobReaper reaper, WorkerTelemetry telemetry, IOptions<WorkerOptions> options, ILogger<LeaseReaperJob> logger) : IJob
{
    public static readonly JobKey Key = new("lease-reaper", "fluxcaption");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.ActivitySource.StartActivity("reap leases");
        // The trigger's previous firing is kept in the cluster's database, so every scheduler sees the same gap.
        var schedule = context.PreviousFireTimeUtc is { } previous ? new ReaperSchedule(previous, options.Value.ReaperInterval) : null;
        var result = await reaper.ReapAsync(schedule, cancellationToken);
        telemetry.Reaped.Add(result.Requeued, new KeyValuePair<string, object?>("action", "requeued"));
        telemetry.Reaped.Add(result.Redispatched, new KeyValuePair<string, object?>("action", "redispatched"));
        if (result.Requeued + result.Redispatched > 0)
        {
            logger.LogInformation("Reaper re-queued {Requeued} and re-dispatched {Redispatched} jobs", result.Requeued, result.Redispatched);
        }
    }
}

using FluxCaption.Core.Jobs;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

/// <summary>Runs the <see cref="JobReaper"/>; clustered Quartz plus this attribute keep it to one run at a time across schedulers.</summary>
[DisallowConcurrentExecution]
public sealed class LeaseReaperJob(JobReaper reaper, WorkerTelemetry telemetry, ILogger<LeaseReaperJob> logger) : IJob
{
    public static readonly JobKey Key = new("lease-reaper", "fluxcaption");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.ActivitySource.StartActivity("reap leases");
        var result = await reaper.ReapAsync(cancellationToken);
        telemetry.Reaped.Add(result.Requeued, new KeyValuePair<string, object?>("action", "requeued"));
        telemetry.Reaped.Add(result.Redispatched, new KeyValuePair<string, object?>("action", "redispatched"));
        if (result.Requeued + result.Redispatched > 0)
        {
            logger.LogInformation("Reaper re-queued {Requeued} and re-dispatched {Redispatched} jobs", result.Requeued, result.Redispatched);
        }
    }
}

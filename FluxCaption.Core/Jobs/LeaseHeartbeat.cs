using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Renews a running stage's lease every <see cref="JobsOptions.HeartbeatInterval"/> and stops the stage when the
/// lease is lost or a cancel or pause was asked for (so both work even if the control message was lost).
/// </summary>
internal sealed class LeaseHeartbeat(IServiceScopeFactory scopeFactory, JobsOptions jobs, ILogger logger)
{
    public async Task RunAsync(RunningJob running, string owner, CancellationToken stop)
    {
        // Its own scope: the stage's DbContext is busy with the stage.
        await using var scope = scopeFactory.CreateAsyncScope();
        var heartbeatState = scope.ServiceProvider.GetRequiredService<JobStateStore>();
        using var timer = new PeriodicTimer(jobs.HeartbeatInterval);
        try
        {
            do
            {
                LeaseState lease;
                try
                {
                    lease = await heartbeatState.RenewLeaseAsync(running.JobId, owner, jobs.LeaseTtl, stop);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The lease is not lost because one renewal failed: try again next tick. If the
                    // database stays away past the lease, the next renewal finds the lease gone.
                    logger.LogWarning(exception, "Heartbeat for job {JobId} failed; retrying at the next interval", running.JobId);
                    continue;
                }

                switch (lease)
                {
                    case LeaseState.Lost:
                        running.Stop(StopReason.LeaseLost);
                        return;
                    case LeaseState.CancelRequested:
                        running.Stop(StopReason.Cancel);
                        break;
                    case LeaseState.PauseRequested:
                        running.Stop(StopReason.Pause);
                        break;
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The stage ended.
        }
    }
}

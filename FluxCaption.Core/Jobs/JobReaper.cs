using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Recovery that needs no live worker: jobs whose lease expired go back to the queue (or end as the
/// user asked, or fail after their last attempt), and queued jobs whose dispatch was lost are dispatched again.
/// Nothing fails merely because a process restarted.
/// </summary>
public sealed class JobReaper(
    FluxCaptionDbContext db,
    StageQueue queue,
    StageDispatcher dispatcher,
    JobEventRecorder events,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobReaper> logger)
{
    public Task<ReapResult> ReapAsync(CancellationToken cancellationToken) => ReapAsync(null, cancellationToken);

    /// <param name="schedule">When the reaper ran before and how often it runs; null when unknown (the first run).</param>
    public async Task<ReapResult> ReapAsync(ReaperSchedule? schedule, CancellationToken cancellationToken)
    {
        var requeued = await ReclaimExpiredLeasesAsync(schedule, cancellationToken);
        var redispatched = await RedispatchLostAsync(cancellationToken);
        await RemoveDeadConsumersAsync();
        return new ReapResult(requeued, redispatched);
    }

    private const string OutageMessage =
        "The lease ran out while the reaper could not run (the database was unreachable); this attempt does not count.";

    private async Task RemoveDeadConsumersAsync()
    {
        foreach (var stage in Enum.GetValues<JobStage>())
        {
            try
            {
                var removed = await queue.RemoveIdleConsumersAsync(stage);
                if (removed.Count > 0)
                {
                    logger.LogInformation("Removed idle consumers {Consumers} from the {Stage} group", removed, stage);
                }
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                // No stream or group yet (no worker ever consumed this stage), or Redis is away: a later run looks again.
                logger.LogDebug(exception, "Could not list the consumers of the {Stage} group", stage);
            }
        }
    }

    private async Task<int> ReclaimExpiredLeasesAsync(ReaperSchedule? schedule, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow();
        var expired = await db.Jobs.AsNoTracking()
            .Where(job => job.Status == JobStatus.Running && job.LeaseExpiresAt < cutoff)
            .Select(job => new { job.Id, job.Stage, job.Attempt, job.MaxAttempts, job.CancelRequested, job.PauseRequested, job.ErrorMessage })
            .Take(500)
            .ToListAsync(cancellationToken);
        // Taken after the read, which may have waited out the outage in EF's retries.
        var now = clock.GetUtcNow();
        var outage = schedule?.RunsWereMissed(now) == true;
        var requeued = 0;
        foreach (var job in expired)
        {
            var (status, code, message, eventType) =
                job.CancelRequested ? (JobStatus.Cancelled, (string?)null, (string?)null, JobEventTypes.Cancelled)
                : job.PauseRequested ? (JobStatus.Paused, null, null, JobEventTypes.Paused)
                // The scheduler could not run the reaper either, so the database was most likely out of reach: the
                // lease ran out because nobody could renew it, which is not the job's failure.
                : outage ? (JobStatus.Queued, JobErrorCodes.DependencyUnavailable, OutageMessage, JobEventTypes.Requeued)
                : job.Attempt >= job.MaxAttempts ? (JobStatus.Failed, JobErrorCodes.AttemptsExhausted,
                    $"No attempt of {job.MaxAttempts} finished; the last worker stopped renewing its lease." +
                    (job.ErrorMessage is null ? "" : $" Last error: {job.ErrorMessage}"), JobEventTypes.Failed)
                : (JobStatus.Queued, null, null, JobEventTypes.Requeued);
            var terminal = status is JobStatus.Cancelled or JobStatus.Failed;
            var refund = code == JobErrorCodes.DependencyUnavailable;
            var changed = await db.Jobs
                .Where(candidate => candidate.Id == job.Id && candidate.Status == JobStatus.Running && candidate.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(candidate => candidate.Status, status)
                    .SetProperty(candidate => candidate.ErrorCode, candidate => code ?? candidate.ErrorCode)
                    .SetProperty(candidate => candidate.ErrorMessage, candidate => message ?? candidate.ErrorMessage)
                    .SetProperty(candidate => candidate.Attempt, candidate => refund && candidate.Attempt > 0 ? candidate.Attempt - 1 : candidate.Attempt)
                    .SetProperty(candidate => candidate.PauseRequested, false)
                    .SetProperty(candidate => candidate.LeaseOwner, (string?)null)
                    .SetProperty(candidate => candidate.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(candidate => candidate.FinishedAt, candidate => terminal ? now : candidate.FinishedAt)
                    .SetProperty(candidate => candidate.UpdatedAt, now), cancellationToken);
            if (changed == 0)
            {
                continue;
            }

            logger.LogWarning("Job {JobId} lease expired{During}; now {Status}", job.Id, refund ? " during a database outage" : "", status);
            await events.RecordAsync(job.Id, eventType, refund ? "lease expired during a database outage" : "lease expired", cancellationToken);
            if (status == JobStatus.Queued)
            {
                // Counted even if the dispatch fails: the job is queued, and the lost-dispatch pass sends it later.
                await TryDispatchAsync(job.Id, job.Stage, job.Attempt, cancellationToken);
                requeued++;
            }
        }

        return requeued;
    }

    private async Task<int> RedispatchLostAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - options.Value.RedispatchAfter;
        var queued = await db.Jobs.AsNoTracking()
            // A waiting job (e.g. for speech recognition) has no stream entry on purpose: no worker can run it yet.
            .Where(job => job.Status == JobStatus.Queued && job.UpdatedAt <= staleBefore && job.WaitReason == null)
            .Select(job => new { job.Id, job.Stage, job.Attempt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var redispatched = 0;
        foreach (var stageGroup in queued.GroupBy(job => job.Stage))
        {
            HashSet<Guid> live;
            try
            {
                live = await queue.LiveJobIdsAsync(stageGroup.Key);
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Without the stream we cannot tell which jobs are lost; a later run looks again.
                logger.LogWarning(exception, "Could not read the {Stage} stream; lost dispatches are looked for in a later run", stageGroup.Key);
                continue;
            }

            foreach (var job in stageGroup.Where(job => !live.Contains(job.Id)))
            {
                // Touch the row first so a slow stream does not get the same job dispatched every run.
                var touched = await db.Jobs.Where(candidate => candidate.Id == job.Id && candidate.Status == JobStatus.Queued)
                    .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.UpdatedAt, now), cancellationToken);
                if (touched == 1)
                {
                    logger.LogWarning("Job {JobId} was queued with no stream entry; dispatching it again", job.Id);
                    if (await TryDispatchAsync(job.Id, job.Stage, job.Attempt, cancellationToken))
                    {
                        redispatched++;
                    }
                }
            }
        }

        return redispatched;
    }

    /// <summary>One job's failed dispatch must not stop the rest of the run; the job stays queued for a later run.</summary>
    private async Task<bool> TryDispatchAsync(Guid jobId, JobStage stage, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchAsync(jobId, stage, attempt, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Reaper could not dispatch job {JobId}; a later run dispatches it", jobId);
            return false;
        }
    }
}

public sealed record ReapResult(int Requeued, int Redispatched);

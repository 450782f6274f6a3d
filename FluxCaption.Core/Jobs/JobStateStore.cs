using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Every change of a job's state, each one conditional UPDATE on the status (and lease) it expects,
/// so a terminal state is never overwritten and a worker that lost its lease changes nothing.
/// </summary>
public sealed class JobStateStore(FluxCaptionDbContext db, TimeProvider clock)
{
    private IQueryable<Job> Held(Guid id, string owner) =>
        db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Running && job.LeaseOwner == owner);

    /// <summary>Takes the job for <paramref name="owner"/> if it is queued, or running under an expired lease, and not asked to stop.</summary>
    public async Task<bool> TryLeaseAsync(Guid id, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Jobs
            .Where(job => job.Id == id && !job.CancelRequested && !job.PauseRequested
                && (job.Status == JobStatus.Queued || (job.Status == JobStatus.Running && job.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Running)
                .SetProperty(job => job.LeaseOwner, owner)
                .SetProperty(job => job.LeaseExpiresAt, now + ttl)
                .SetProperty(job => job.Attempt, job => job.Attempt + 1)
                .SetProperty(job => job.StartedAt, job => job.StartedAt ?? now)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Like <see cref="TryLeaseAsync(Guid, string, TimeSpan, CancellationToken)"/>, but only while the job is at
    /// <paramref name="stage"/>: a late delivery for a stage the job has left leases nothing.
    /// </summary>
    public async Task<bool> TryLeaseAsync(Guid id, string owner, TimeSpan ttl, JobStage stage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Jobs
            .Where(job => job.Id == id && job.Stage == stage && !job.CancelRequested && !job.PauseRequested
                && (job.Status == JobStatus.Queued || (job.Status == JobStatus.Running && job.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Running)
                .SetProperty(job => job.LeaseOwner, owner)
                .SetProperty(job => job.LeaseExpiresAt, now + ttl)
                .SetProperty(job => job.Attempt, job => job.Attempt + 1)
                .SetProperty(job => job.StartedAt, job => job.StartedAt ?? now)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// The queued job of <paramref name="stage"/> that runs before <paramref name="id"/>: one of higher priority, or
    /// of the same priority created earlier; the first of them by that order. Null when <paramref name="id"/> is
    /// first in line, or is not itself queued there (a duplicate delivery has no place in line to give away).
    /// </summary>
    public async Task<Guid?> FirstInLineBeforeAsync(Guid id, JobStage stage, CancellationToken cancellationToken)
    {
        var own = await Waiting(stage).Where(job => job.Id == id)
            .Select(job => new { job.Priority, job.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (own is null)
        {
            return null;
        }

        return await Waiting(stage)
            .Where(job => job.Priority > own.Priority || (job.Priority == own.Priority && job.CreatedAt < own.CreatedAt))
            .OrderByDescending(job => job.Priority).ThenBy(job => job.CreatedAt).ThenBy(job => job.Id)
            .Select(job => (Guid?)job.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    // Queued jobs a worker could lease for the stage now: not asked to stop, not parked with a wait reason.
    private IQueryable<Job> Waiting(JobStage stage) =>
        db.Jobs.AsNoTracking().Where(job => job.Stage == stage && job.Status == JobStatus.Queued
            && !job.CancelRequested && !job.PauseRequested && job.WaitReason == null);

    /// <summary>
    /// Ends a stage by moving the job to the next one: queued there (paused when a pause was asked for
    /// meanwhile), lease cleared, attempts counted afresh for the new stage. A pending cancel wins: nothing
    /// is written and null is returned, as it is when the lease is gone.
    /// </summary>
    public async Task<JobStatus?> AdvanceAsync(Guid id, string owner, StageAdvance advance, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (await Held(id, owner).Select(job => new { job.CancelRequested, job.PauseRequested }).SingleOrDefaultAsync(cancellationToken) is { } flags)
        {
            if (flags.CancelRequested)
            {
                return null;
            }

            var status = flags.PauseRequested ? JobStatus.Paused : JobStatus.Queued;
            var rows = await Held(id, owner)
                .Where(job => !job.CancelRequested && job.PauseRequested == flags.PauseRequested)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(job => job.Stage, advance.Next)
                    .SetProperty(job => job.Status, status)
                    .SetProperty(job => job.SourceDocumentId, job => advance.SourceDocumentId ?? job.SourceDocumentId)
                    .SetProperty(job => job.SourceLanguage, job => advance.SourceLanguage ?? job.SourceLanguage)
                    .SetProperty(job => job.OutputFormat, job => advance.OutputFormat ?? job.OutputFormat)
                    .SetProperty(job => job.ResultDocumentId, job => advance.ResultDocumentId ?? job.ResultDocumentId)
                    .SetProperty(job => job.Warnings, job => advance.Warnings ?? job.Warnings)
                    .SetProperty(job => job.WaitReason, advance.WaitReason)
                    .SetProperty(job => job.Checkpoint, job => advance.ClearCheckpoint ? null : advance.Checkpoint ?? job.Checkpoint)
                    .SetProperty(job => job.ErrorCode, (string?)null)
                    .SetProperty(job => job.ErrorMessage, (string?)null)
                    .SetProperty(job => job.PauseRequested, false)
                    .SetProperty(job => job.Attempt, 0)
                    .SetProperty(job => job.LeaseOwner, (string?)null)
                    .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(job => job.UpdatedAt, now), cancellationToken);
            if (rows == 1)
            {
                return status;
            }
        }

        return null;
    }

    /// <summary>Extends the lease while we hold it and tells whether the job was asked to stop.</summary>
    public async Task<LeaseState> RenewLeaseAsync(Guid id, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.LeaseExpiresAt, now + ttl)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (rows == 0)
        {
            return LeaseState.Lost;
        }

        var flags = await db.Jobs.AsNoTracking().Where(job => job.Id == id)
            .Select(job => new { job.CancelRequested, job.PauseRequested }).SingleAsync(cancellationToken);
        return flags.CancelRequested ? LeaseState.CancelRequested
            : flags.PauseRequested ? LeaseState.PauseRequested
            : LeaseState.Held;
    }

    /// <param name="budget">The job's estimate and spending so far (jobs.budget), saved with the same update; null leaves it.</param>
    public async Task<bool> SaveCheckpointAsync(
        Guid id, string owner, string checkpoint, double progress, CancellationToken cancellationToken, string? budget = null)
    {
        var now = clock.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Checkpoint, checkpoint)
            .SetProperty(job => job.Progress, progress)
            .SetProperty(job => job.Budget, job => budget ?? job.Budget)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> SaveBudgetAsync(Guid id, string owner, string budget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Budget, budget)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Marks success unless a cancel arrived meanwhile (cancel wins) or the lease is gone.</summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, Guid resultDocumentId, string? warnings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Held(id, owner).Where(job => !job.CancelRequested).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Status, JobStatus.Succeeded)
            .SetProperty(job => job.ResultDocumentId, resultDocumentId)
            .SetProperty(job => job.Warnings, warnings)
            .SetProperty(job => job.Progress, 1.0)
            .SetProperty(job => job.ErrorCode, (string?)null)
            .SetProperty(job => job.ErrorMessage, (string?)null)
            .SetProperty(job => job.PauseRequested, false)
            .SetProperty(job => job.LeaseOwner, (string?)null)
            .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(job => job.FinishedAt, now)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Ends a job that has nothing left to do as cancelled, with <paramref name="code"/> and
    /// <paramref name="message"/> saying why (no user asked for it, so the reason is the job's error).
    /// </summary>
    public async Task<bool> EndNotNeededAsync(Guid id, string owner, string code, string message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Status, JobStatus.Cancelled)
            .SetProperty(job => job.ErrorCode, code)
            .SetProperty(job => job.ErrorMessage, message)
            .SetProperty(job => job.WaitReason, (string?)null)
            .SetProperty(job => job.PauseRequested, false)
            .SetProperty(job => job.LeaseOwner, (string?)null)
            .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(job => job.FinishedAt, now)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> FailAsync(Guid id, string owner, string code, string message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Status, JobStatus.Failed)
            .SetProperty(job => job.ErrorCode, code)
            .SetProperty(job => job.ErrorMessage, message)
            .SetProperty(job => job.LeaseOwner, (string?)null)
            .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(job => job.FinishedAt, now)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Gives the job back (transient failure, worker shutdown), keeping its checkpoint. A stop the user
    /// asked for wins: a pending cancel ends the job cancelled, a pending pause pauses it, otherwise it is
    /// queued. <paramref name="refundAttempt"/> takes back the attempt the lease counted (a graceful
    /// shutdown did not use the attempt up). Returns the status written, or null if the lease was not ours.
    /// </summary>
    public async Task<JobStatus?> RequeueAsync(Guid id, string owner, string? code, string? message, bool refundAttempt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (await Held(id, owner).Select(job => new { job.CancelRequested, job.PauseRequested }).SingleOrDefaultAsync(cancellationToken) is { } flags)
        {
            var status = flags.CancelRequested ? JobStatus.Cancelled : flags.PauseRequested ? JobStatus.Paused : JobStatus.Queued;
            var queued = status == JobStatus.Queued;
            // The update requires the flags it decided on, so a cancel or pause set meanwhile is never
            // left behind on a queued row (the lease refuses flagged jobs: it would stay queued forever).
            var rows = await Held(id, owner)
                .Where(job => job.CancelRequested == flags.CancelRequested && job.PauseRequested == flags.PauseRequested)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(job => job.Status, status)
                    .SetProperty(job => job.ErrorCode, job => queued ? code : job.ErrorCode)
                    .SetProperty(job => job.ErrorMessage, job => queued ? message : job.ErrorMessage)
                    .SetProperty(job => job.PauseRequested, false)
                    .SetProperty(job => job.Attempt, job => refundAttempt && job.Attempt > 0 ? job.Attempt - 1 : job.Attempt)
                    .SetProperty(job => job.LeaseOwner, (string?)null)
                    .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(job => job.FinishedAt, job => status == JobStatus.Cancelled ? now : job.FinishedAt)
                    .SetProperty(job => job.UpdatedAt, now), cancellationToken);
            if (rows == 1)
            {
                return status;
            }
        }

        return null;
    }

    /// <summary>Ends a running stage as cancelled or paused at the request of a user, keeping the checkpoint.</summary>
    public async Task<bool> StopAsync(Guid id, string owner, JobStatus status, CancellationToken cancellationToken)
    {
        if (status is not (JobStatus.Cancelled or JobStatus.Paused))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only Cancelled or Paused end a stage on request.");
        }

        var now = clock.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.Status, status)
            .SetProperty(job => job.PauseRequested, false)
            .SetProperty(job => job.LeaseOwner, (string?)null)
            .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(job => job.FinishedAt, status == JobStatus.Cancelled ? now : null)
            .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Whether the job waits in the queue because an outage handed it back (its last error says so).</summary>
    public Task<bool> IsHandedBackAfterOutageAsync(Guid id, CancellationToken cancellationToken) =>
        db.Jobs.AnyAsync(job => job.Id == id && job.Status == JobStatus.Queued && job.ErrorCode == JobErrorCodes.DependencyUnavailable, cancellationToken);

    /// <summary>Fails a job whose message was dead-lettered, unless a live worker holds it or it already ended.</summary>
    public async Task<bool> FailUnleasedAsync(Guid id, string code, string message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Jobs
            .Where(job => job.Id == id
                && (job.Status == JobStatus.Queued || (job.Status == JobStatus.Running && job.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Failed)
                .SetProperty(job => job.ErrorCode, code)
                .SetProperty(job => job.ErrorMessage, message)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(job => job.FinishedAt, now)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken) == 1;
    }
}

public enum LeaseState
{
    Held,
    Lost,
    CancelRequested,
    PauseRequested,
}

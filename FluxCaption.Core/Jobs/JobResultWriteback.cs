using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Writes another version of a succeeded library job's translation (one a person edited) back where the
/// job wrote before: the job becomes that version's job (its result) and goes through its write-back stage
/// again, like a retry. The stage sees a result newer than its write and replaces that subtitle (the same
/// record, the same sidecar path or Jellyfin track), so the item never shows two of ours.
/// </summary>
public sealed class JobResultWriteback(
    FluxCaptionDbContext db,
    StageDispatcher dispatcher,
    JobEventRecorder events,
    TimeProvider clock,
    ILogger<JobResultWriteback> logger)
{
    public async Task<JobControlOutcome> WriteBackAsync(Job done, SubtitleDocumentEntity version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(version);
        if (done.MediaItemId is null || done.Status != JobStatus.Succeeded)
        {
            return new JobControlOutcome(JobControlResult.Conflict, done, "Only a succeeded library job can write a translation back.");
        }

        // Matching the finish time: a second click, or one racing a retry, changes nothing.
        var queued = await db.Jobs.Where(job => job.Id == done.Id && job.Status == JobStatus.Succeeded && job.FinishedAt == done.FinishedAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Queued)
                .SetProperty(job => job.Stage, JobStage.Writeback)
                .SetProperty(job => job.ResultDocumentId, version.Id)
                .SetProperty(job => job.Attempt, 0)
                .SetProperty(job => job.ErrorCode, (string?)null)
                .SetProperty(job => job.ErrorMessage, (string?)null)
                .SetProperty(job => job.CancelRequested, false)
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(job => job.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(job => job.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (queued == 0)
        {
            return new JobControlOutcome(JobControlResult.Conflict, done, "The job changed meanwhile; reload and try again.");
        }

        await events.RecordAsync(done.Id, JobEventTypes.Retried, $"Writing back version {version.Version} of the translation.", cancellationToken);
        try
        {
            await dispatcher.DispatchAsync(done.Id, JobStage.Writeback, 0, cancellationToken);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The row is committed; the reaper dispatches queued jobs that have no stream entry.
            logger.LogWarning(exception, "Dispatch of job {JobId} failed; the reaper will dispatch it again", done.Id);
        }

        var job = await db.Jobs.AsNoTracking().SingleAsync(candidate => candidate.Id == done.Id, cancellationToken);
        return new JobControlOutcome(JobControlResult.Applied, job);
    }
}

using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Writes a job's timeline (job_events) and publishes the same event on the live events stream.
/// Progress goes to the stream only (throttled): the job row already persists it.
/// </summary>
public sealed class JobEventRecorder(FluxCaptionDbContext db, JobEventStream stream, TimeProvider clock, ILogger<JobEventRecorder> logger)
{
    public async Task RecordAsync(Guid jobId, string type, string? message, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == jobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        var data = JobSnapshot.From(job, message).ToJson();
        db.JobEvents.Add(new JobEventEntity { JobId = jobId, Type = type, Message = message, Data = data, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await PublishAsync(jobId, type, data, isProgress: false);
    }

    public Task ProgressAsync(Job job, double progress)
    {
        var snapshot = JobSnapshot.From(job) with { Status = "running", Progress = progress };
        return PublishAsync(job.Id, JobEventTypes.Progress, snapshot.ToJson(), isProgress: true);
    }

    private async Task PublishAsync(Guid jobId, string type, string data, bool isProgress)
    {
        try
        {
            await stream.PublishAsync(jobId, type, data, isProgress);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Live views miss one update; the database row and timeline are already right.
            logger.LogWarning(exception, "Could not publish {EventType} for job {JobId}", type, jobId);
        }
    }
}

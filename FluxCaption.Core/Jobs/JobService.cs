using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Jobs;

internal sealed class JobService(
    FluxCaptionDbContext db,
    ISubtitleContentCodec codec,
    StageDispatcher dispatcher,
    JobControlChannel control,
    JobEventRecorder events,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobService> logger) : IJobService
{
    public async Task<Job> CreateTranslationJobAsync(NewTranslationJob request, CancellationToken cancellationToken)
    {
        // Postgres keeps microseconds: round now so the job we return equals the job we stored.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var document = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(),
            Format = request.Document.Format,
            Language = request.SourceLanguage,
            Origin = SubtitleDocumentOrigin.Upload,
            Content = codec.Write(request.Document),
            FileName = request.OriginalFileName,
            CreatedAt = now,
        };
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = JobKind.Translate,
            Stage = JobStage.Translate,
            Status = JobStatus.Queued,
            SourceDocumentId = document.Id,
            SourceLanguage = request.SourceLanguage,
            TargetLanguage = request.TargetLanguage,
            Engine = request.Engine,
            Model = request.Model,
            OutputFormat = request.OutputFormat,
            Glossary = GlossaryJson.Serialize(request.Glossary),
            Bilingual = request.Bilingual,
            Proofread = request.Proofread,

            FallbackEngines = EngineChainJson.Serialize(request.Fallback),
            Warnings = SourceWarnings.Write(request.SourceWarnings),
            MaxAttempts = options.Value.DefaultMaxAttempts,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SubtitleDocuments.Add(document);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await events.RecordAsync(job.Id, JobEventTypes.Created, null, cancellationToken);
        await DispatchAsync(job, cancellationToken);
        logger.LogInformation("Created translation job {JobId} {SourceLanguage} -> {TargetLanguage} with {Engine}",
            job.Id, job.SourceLanguage, job.TargetLanguage, job.Engine);
        return job;
    }

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().SingleOrDefaultAsync(job => job.Id == id, cancellationToken);

    public async Task<JobPage> ListAsync(JobStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = db.Jobs.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(job => job.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(job => job.CreatedAt).ThenByDescending(job => job.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new JobPage(items, page, pageSize, total);
    }

    public async Task<JobControlOutcome> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stopped = await db.Jobs.Where(job => job.Id == id && (job.Status == JobStatus.Queued || job.Status == JobStatus.Paused))
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Cancelled)
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.FinishedAt, now)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (stopped == 1)
        {
            return await AppliedAsync(id, JobEventTypes.Cancelled, cancellationToken);
        }

        var requested = await db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.CancelRequested, true)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (requested == 1)
        {
            await SignalAsync(id, JobControlAction.Cancel);
            return await AppliedAsync(id, JobEventTypes.CancelRequested, cancellationToken);
        }

        return await RefusedAsync(id, "cancelled", cancellationToken);
    }

    public async Task<JobControlOutcome> PauseAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paused = await db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Paused)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (paused == 1)
        {
            return await AppliedAsync(id, JobEventTypes.Paused, cancellationToken);
        }

        var requested = await db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Running && !job.CancelRequested)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.PauseRequested, true)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (requested == 1)
        {
            await SignalAsync(id, JobControlAction.Pause);
            return await AppliedAsync(id, JobEventTypes.PauseRequested, cancellationToken);
        }

        return await RefusedAsync(id, "paused", cancellationToken);
    }

    public async Task<JobControlOutcome> ResumeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var resumed = await db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Paused)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Queued)
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (resumed == 1)
        {
            var outcome = await AppliedAsync(id, JobEventTypes.Resumed, cancellationToken);
            await DispatchAsync(outcome.Job!, cancellationToken);
            return outcome;
        }

        // A pause that the worker has not acted on yet is simply withdrawn.
        var withdrawn = await db.Jobs.Where(job => job.Id == id && job.Status == JobStatus.Running && job.PauseRequested)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        return withdrawn == 1
            ? await AppliedAsync(id, JobEventTypes.Resumed, cancellationToken)
            : await RefusedAsync(id, "resumed", cancellationToken);
    }

    public async Task<JobControlOutcome> RetryAsync(Guid id, bool retranslateKept, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (retranslateKept && await db.Jobs.AsNoTracking().SingleOrDefaultAsync(job => job.Id == id, cancellationToken) is { Status: JobStatus.Succeeded } done)
        {
            return await AskAgainAsync(done, now, cancellationToken);
        }

        // The checkpoint is kept on purpose: a retry continues after the cues already translated.
        var retried = await db.Jobs.Where(job => job.Id == id && (job.Status == JobStatus.Failed || job.Status == JobStatus.Cancelled))
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Queued)
                .SetProperty(job => job.ErrorCode, (string?)null)
                .SetProperty(job => job.ErrorMessage, (string?)null)
                .SetProperty(job => job.CancelRequested, false)
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.Attempt, 0)
                .SetProperty(job => job.RetranslateKept, retranslateKept)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(job => job.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (retried == 0)
        {
            return await RefusedAsync(id, "retried", cancellationToken);
        }

        var outcome = await AppliedAsync(id, JobEventTypes.Retried, cancellationToken);
        await DispatchAsync(outcome.Job!, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// A succeeded job with lines kept in the source goes back to its translate stage asking only for those
    /// lines again: its checkpoint still holds every translated line, the translation memory the rest.
    /// The new result replaces the job's result; a library job's write-back then replaces the subtitle it
    /// wrote before (same record, same file), never adding a second one. The budget starts afresh, since
    /// this is a new, smaller question. Refused when the job kept no line.
    /// </summary>
    private async Task<JobControlOutcome> AskAgainAsync(Job done, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Translation.Output.TranslationWarningsJson.HasKeptLines(done.Warnings))
        {
            return new JobControlOutcome(JobControlResult.Conflict, done, "The job kept no line in its source language; there is nothing to ask again.");
        }

        // Matching the finish time too: a second click, or one racing another retry, changes nothing.
        var retried = await db.Jobs.Where(job => job.Id == done.Id && job.Status == JobStatus.Succeeded && job.FinishedAt == done.FinishedAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Queued)
                .SetProperty(job => job.Stage, JobStage.Translate)
                .SetProperty(job => job.Progress, 0.0)
                .SetProperty(job => job.Attempt, 0)
                .SetProperty(job => job.RetranslateKept, true)
                .SetProperty(job => job.Budget, (string?)null)
                // The new attempt writes the warnings afresh (the checkpoint carries those that still
                // hold); the old ones would otherwise survive a result that has none. Those about the
                // source itself (its encoding, a transcript's filtering) still hold and stay.
                .SetProperty(job => job.Warnings, SourceWarnings.Write(SourceWarnings.Read(done.Warnings)))
                .SetProperty(job => job.CancelRequested, false)
                .SetProperty(job => job.PauseRequested, false)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(job => job.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(job => job.UpdatedAt, now), cancellationToken);
        if (retried == 0)
        {
            return await RefusedAsync(done.Id, "retried", cancellationToken);
        }

        var outcome = await AppliedAsync(done.Id, JobEventTypes.Retried, cancellationToken);
        await DispatchAsync(outcome.Job!, cancellationToken);
        return outcome;
    }

    public async Task<JobResultFile?> GetResultAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await GetAsync(id, cancellationToken);
        if (job is null)
        {
            return null;
        }

        if (job.Status != JobStatus.Succeeded || job.ResultDocumentId is not { } resultId)
        {
            return new JobResultFile(job, null, null, null);
        }

        var result = await db.SubtitleDocuments.AsNoTracking().SingleAsync(document => document.Id == resultId, cancellationToken);
        var sourceName = await db.SubtitleDocuments.AsNoTracking().Where(document => document.Id == job.SourceDocumentId)
            .Select(document => document.FileName).SingleOrDefaultAsync(cancellationToken);
        return new JobResultFile(
            job,
            System.Text.Encoding.UTF8.GetBytes(result.Content),
            ResultFileNames.For(sourceName, job.TargetLanguage, result.Format),
            SubtitleFile.ContentType(result.Format));
    }

    private async Task DispatchAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchAsync(job.Id, job.Stage, job.Attempt, cancellationToken);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The row is committed; the reaper dispatches queued jobs that have no stream entry.
            logger.LogWarning(exception, "Dispatch of job {JobId} failed; the reaper will dispatch it again", job.Id);
        }
    }

    private async Task SignalAsync(Guid id, JobControlAction action)
    {
        try
        {
            await control.PublishAsync(new JobControlMessage(id, action));
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The flag is committed: the worker's heartbeat reads it within one interval, so only the signal's speed is lost.
            logger.LogWarning(exception, "Could not signal {Action} for job {JobId}; its worker will notice at the next heartbeat", action, id);
        }
    }

    private async Task<JobControlOutcome> AppliedAsync(Guid id, string eventType, CancellationToken cancellationToken)
    {
        await events.RecordAsync(id, eventType, null, cancellationToken);
        return new JobControlOutcome(JobControlResult.Applied, await GetAsync(id, cancellationToken));
    }

    private async Task<JobControlOutcome> RefusedAsync(Guid id, string verb, CancellationToken cancellationToken)
    {
        var job = await GetAsync(id, cancellationToken);
        return job is null
            ? new JobControlOutcome(JobControlResult.NotFound, null)
            : new JobControlOutcome(JobControlResult.Conflict, job, $"A {job.Status.ToString().ToLowerInvariant()} job cannot be {verb}.");
    }
}

using System.Diagnostics;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FluxCaption.Core.Libraries.Gaps;

/// <summary>
/// Finds the wanted languages no track covers and creates one acquire-stage job per (item, language),
/// a thousand items per round trip. A gap that already has a queued, running, paused, succeeded or
/// cancelled job gets nothing new (a cancel was the user's decision); a failed job does not block a
/// new one, because the cause (an engine down, a source unreachable) may be gone by the next run.
/// The partial unique index on active jobs has the last word: a job another planner inserted first
/// is counted as already there.
/// </summary>
internal sealed class GapJobPlanner(
    FluxCaptionDbContext db,
    ICoverageRulesSource coverage,
    DefaultTranslationEngine defaultEngine,
    GapJobDispatcher dispatcher,
    IOptions<JobsOptions> jobsOptions,
    TimeProvider clock,
    ILogger<GapJobPlanner> logger) : IGapJobPlanner
{
    private const int BatchSize = 1000;

    public async Task<GapPlanResult> PlanAsync(GapPlanRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var targets = Canonical(request.TargetLanguages);
        if (targets.Count == 0)
        {
            return new GapPlanResult(0, 0, 0, []);
        }

        var rules = await coverage.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cutoff = now - request.MinimumItemAge;
        var sourceLanguages = Canonical(request.SourceLanguages);
        var engine = string.IsNullOrWhiteSpace(request.Engine) ? defaultEngine.Name : request.Engine.Trim().ToLowerInvariant();
        var items = db.MediaItems.AsNoTracking()
            .Where(item => item.GoneAt == null && item.FirstSeenAt <= cutoff
                && db.Libraries.Any(library => library.Id == item.LibraryId && library.Enabled));
        if (request.LibraryIds is { } libraryIds)
        {
            items = items.Where(item => libraryIds.Contains(item.LibraryId));
        }

        if (request.MediaItemIds is { } itemIds)
        {
            items = items.Where(item => itemIds.Contains(item.Id));
        }

        int considered = 0, gapsFound = 0;
        var created = new List<Guid>();
        var after = Guid.Empty;
        while (true)
        {
            var last = after;
            var batch = await items.Where(item => item.Id.CompareTo(last) > 0).OrderBy(item => item.Id)
                .Select(item => new { item.Id, item.Streams }).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            considered += batch.Count;
            var gaps = batch.SelectMany(item => CoverageEvaluator.Missing(item.Streams, targets, rules).Select(language => (item.Id, language))).ToList();
            gapsFound += gaps.Count;
            if (gaps.Count == 0)
            {
                continue;
            }

            var ids = gaps.Select(gap => gap.Id).Distinct().ToList();
            var blocking = await db.Jobs.AsNoTracking()
                .Where(job => job.MediaItemId != null && ids.Contains(job.MediaItemId.Value) && job.Kind == JobKind.Translate
                    && targets.Contains(job.TargetLanguage) && job.Status != JobStatus.Failed
                    // Ended because a human track covered the language then: if the gap is back, so is the job.
                    && !(job.Status == JobStatus.Cancelled && job.ErrorCode == JobErrorCodes.AlreadyCovered))
                .Select(job => new { job.MediaItemId, job.TargetLanguage })
                .ToListAsync(cancellationToken);
            var taken = blocking.Select(job => (job.MediaItemId!.Value, job.TargetLanguage)).ToHashSet();
            var jobs = gaps.Where(gap => !taken.Contains(gap))
                .Select(gap => NewJob(gap.Id, gap.language, request, engine, sourceLanguages, now))
                .ToList();
            created.AddRange(await InsertAsync(jobs, cancellationToken));
        }

        await dispatcher.DispatchAsync(created, cancellationToken);
        logger.LogInformation("Planned gaps for {Targets}: {Items} items, {Gaps} gaps, {Created} jobs created in {Duration}",
            string.Join(",", targets), considered, gapsFound, created.Count, stopwatch.Elapsed);
        return new GapPlanResult(considered, gapsFound, created.Count, created);
    }

    private Job NewJob(Guid itemId, string language, GapPlanRequest request, string engine, IReadOnlyList<string> sourceLanguages, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = JobKind.Translate,
        Stage = JobStage.Scan,
        Status = JobStatus.Queued,
        Priority = request.Priority,
        MediaItemId = itemId,
        RuleId = request.RuleId,
        TargetLanguage = language,
        Engine = engine,
        Model = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
        // The acquire stage switches to ASS when the source it finds is ASS.
        OutputFormat = SubtitleFormat.Srt,
        Checkpoint = AcquireCheckpoint.Write(sourceLanguages),
        MaxAttempts = jobsOptions.Value.DefaultMaxAttempts,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Inserts the batch in one SaveChanges; if another planner won a race for one of them, falls back to one by one.</summary>
    private async Task<IReadOnlyList<Guid>> InsertAsync(List<Job> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return [];
        }

        try
        {
            db.Jobs.AddRange(jobs);
            db.JobEvents.AddRange(jobs.Select(CreatedEvent));
            await db.SaveChangesAsync(cancellationToken);
            return jobs.Select(job => job.Id).ToList();
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var inserted = new List<Guid>();
        foreach (var job in jobs)
        {
            try
            {
                db.Jobs.Add(job);
                db.JobEvents.Add(CreatedEvent(job));
                await db.SaveChangesAsync(cancellationToken);
                inserted.Add(job.Id);
            }
            catch (DbUpdateException exception) when (IsUniqueViolation(exception))
            {
                logger.LogDebug("Item {MediaItemId} already has an active {TargetLanguage} job", job.MediaItemId, job.TargetLanguage);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return inserted;
    }

    private JobEventEntity CreatedEvent(Job job) => new()
    {
        JobId = job.Id,
        Type = JobEventTypes.Created,
        Message = "planned for a missing language",
        Data = JobSnapshot.From(job, "planned for a missing language").ToJson(),
        CreatedAt = job.CreatedAt,
    };

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static List<string> Canonical(IEnumerable<string> tags) =>
        tags.Select(tag => LanguageCodes.TryNormalize(tag, out var canonical) ? canonical : null)
            .OfType<string>()
            .Where(tag => !LanguageCodes.IsUndetermined(tag))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

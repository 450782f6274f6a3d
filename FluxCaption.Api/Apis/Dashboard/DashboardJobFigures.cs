using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Dashboard;

/// <summary>
/// The job figures of the dashboard, each one query that Postgres aggregates (indexes on status and
/// finished_at keep them fast on a long history): counts by status, the running jobs, per-day sums,
/// the slowest and the failed jobs of the window.
/// </summary>
internal static class DashboardJobFigures
{
    public const int ListLength = 10;
    public const int RunningLength = 50;

    public static async Task<List<DashboardStatusCount>> ByStatusAsync(FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Jobs.AsNoTracking().GroupBy(job => job.Status)
            .Select(group => new { Status = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.Status, row => row.Count, cancellationToken);
        return [.. Enum.GetValues<JobStatus>().Select(status => new DashboardStatusCount(Lower(status), counts.GetValueOrDefault(status)))];
    }

    public static async Task<List<DashboardRunningJob>> RunningAsync(FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var rows = await Named(db, db.Jobs.Where(job => job.Status == JobStatus.Running)
                .OrderBy(job => job.StartedAt).ThenBy(job => job.Id).Take(RunningLength))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new DashboardRunningJob(row.Job.Id, row.Subject, row.Job.TargetLanguage, Lower(row.Job.Stage), row.Job.Progress, row.Job.StartedAt))];
    }

    public static async Task<List<DashboardSlowJob>> SlowestAsync(FluxCaptionDbContext db, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var rows = await Named(db, db.Jobs
                .Where(job => job.Status == JobStatus.Succeeded && job.FinishedAt >= from && job.StartedAt != null)
                .OrderByDescending(job => job.FinishedAt!.Value - job.StartedAt!.Value).ThenBy(job => job.Id).Take(ListLength))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new DashboardSlowJob(
            row.Job.Id, row.Subject, row.Job.TargetLanguage, (row.Job.FinishedAt!.Value - row.Job.StartedAt!.Value).TotalSeconds, row.Job.FinishedAt.Value))];
    }

    public static async Task<List<DashboardFailedJob>> FailuresAsync(FluxCaptionDbContext db, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var rows = await Named(db, db.Jobs
                .Where(job => job.Status == JobStatus.Failed && job.FinishedAt >= from)
                .OrderByDescending(job => job.FinishedAt).ThenBy(job => job.Id).Take(ListLength))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new DashboardFailedJob(
            row.Job.Id, row.Subject, row.Job.TargetLanguage, row.Job.ErrorCode, row.Job.ErrorMessage, row.Job.FinishedAt!.Value))];
    }

    /// <summary>
    /// Every UTC day from <paramref name="firstDay"/> to <paramref name="lastDay"/>, zeros where nothing finished.
    /// Spending is read from the budget's "spent" figures where they are numbers, so a hand-edited budget
    /// counts as nothing instead of failing the whole dashboard.
    /// </summary>
    public static async Task<List<DashboardDay>> PerDayAsync(FluxCaptionDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT (finished_at AT TIME ZONE 'UTC')::date AS day,
                   count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                   count(*) FILTER (WHERE status = 'failed') AS failed,
                   coalesce(sum(translated_cues), 0)::bigint AS cues,
                   coalesce(sum(CASE WHEN jsonb_typeof(budget #> '{spent,requests}') = 'number' THEN (budget #>> '{spent,requests}')::numeric ELSE 0 END), 0)::bigint AS requests,
                   coalesce(sum(CASE WHEN jsonb_typeof(budget #> '{spent,promptTokens}') = 'number' THEN (budget #>> '{spent,promptTokens}')::numeric ELSE 0 END
                              + CASE WHEN jsonb_typeof(budget #> '{spent,completionTokens}') = 'number' THEN (budget #>> '{spent,completionTokens}')::numeric ELSE 0 END), 0)::bigint AS tokens
            FROM jobs
            WHERE finished_at >= @from AND status IN ('succeeded', 'failed', 'cancelled')
            GROUP BY 1
            """;
        var rows = await DashboardSql.ReadAsync(db, sql,
            new Dictionary<string, object> { ["from"] = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) },
            reader => new DashboardDay(DateOnly.FromDateTime(reader.GetDateTime(0)), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)),
            cancellationToken);
        var found = rows.ToDictionary(row => row.Day);

        var days = new List<DashboardDay>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            days.Add(found.GetValueOrDefault(day) ?? new DashboardDay(day, 0, 0, 0, 0, 0));
        }

        return days;
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The jobs with what they translate: the item's name or, for an upload, the file's (see <see cref="JobSubjects"/>).</summary>
    private static IQueryable<NamedJob> Named(FluxCaptionDbContext db, IQueryable<Job> jobs) =>
        from job in jobs.AsNoTracking()
        join item in db.MediaItems on job.MediaItemId equals item.Id into items
        from item in items.DefaultIfEmpty()
        join document in db.SubtitleDocuments on job.SourceDocumentId equals document.Id into documents
        from document in documents.DefaultIfEmpty()
        select new NamedJob(job, item == null ? null : item.Title, item == null ? null : item.SeriesName,
            item == null ? null : item.SeasonNumber, item == null ? null : item.EpisodeNumber, document == null ? null : document.FileName);

    private sealed record NamedJob(Job Job, string? Title, string? Series, int? Season, int? Episode, string? FileName)
    {
        public string? Subject => Title is not null ? JobSubjects.ItemName(Title, Series, Season, Episode) : FileName;
    }
}

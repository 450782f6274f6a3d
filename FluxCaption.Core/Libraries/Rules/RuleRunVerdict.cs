using FluxCaption.Contracts.Rules;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Libraries.Rules;

/// <summary>
/// How a rule's last run went, jobs included. The runner records only the run itself (it ends as soon
/// as the jobs are queued), so "succeeded" there means "planned"; the jobs that run created, found by
/// the rule and the run's start and end, say whether anything was translated.
/// </summary>
public static class RuleRunVerdict
{
    /// <summary>The jobs each rule's last run created, by status; rules that never ran are left out.</summary>
    public static async Task<Dictionary<Guid, RuleRunJobCounts>> CountJobsAsync(
        FluxCaptionDbContext db, IReadOnlyCollection<AutoTranslationRule> rules, CancellationToken cancellationToken)
    {
        var ids = rules.Where(rule => rule.LastRunStartedAt is not null && rule.LastRunAt is not null).Select(rule => rule.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (
            from job in db.Jobs.AsNoTracking()
            join rule in db.AutoTranslationRules.AsNoTracking() on job.RuleId equals (Guid?)rule.Id
            where ids.Contains(rule.Id) && job.CreatedAt >= rule.LastRunStartedAt && job.CreatedAt <= rule.LastRunAt
            group job by new { RuleId = rule.Id, job.Status } into jobs
            select new { jobs.Key.RuleId, jobs.Key.Status, Count = jobs.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.RuleId).ToDictionary(
            group => group.Key,
            group =>
            {
                int Of(params JobStatus[] statuses) => group.Where(row => statuses.Contains(row.Status)).Sum(row => row.Count);
                return new RuleRunJobCounts(
                    group.Sum(row => row.Count), Of(JobStatus.Queued, JobStatus.Running, JobStatus.Paused),
                    Of(JobStatus.Succeeded), Of(JobStatus.Failed), Of(JobStatus.Cancelled));
            });
    }

    /// <summary>
    /// One of <see cref="RuleRunStatuses"/>, or null before the first run. A failed sync or plan is a
    /// failure whatever the jobs do; otherwise jobs still working make it running, and once they are done
    /// it failed when some failed and none succeeded, partly failed when both, else succeeded.
    /// Cancelled jobs were someone's decision and count as neither.
    /// </summary>
    public static string? Status(string? runStatus, RuleRunJobCounts jobs) => runStatus switch
    {
        null => null,
        RuleRunStatuses.Failed => RuleRunStatuses.Failed,
        _ when jobs.Active > 0 => RuleRunStatuses.Running,
        _ when jobs.Failed > 0 && jobs.Succeeded == 0 => RuleRunStatuses.Failed,
        _ when jobs.Failed > 0 => RuleRunStatuses.PartlyFailed,
        _ => RuleRunStatuses.Succeeded,
    };
}

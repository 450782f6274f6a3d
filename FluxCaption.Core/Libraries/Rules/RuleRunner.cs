using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Rules;

/// <summary>
/// One run of an auto-translation rule, the same whether Quartz fires it on its cron or a user
/// presses "run now": an incremental sync of the rule's libraries, then gap planning with the
/// rule's languages and job options. The outcome is recorded on the rule.
/// </summary>
public sealed partial class RuleRunner(
    FluxCaptionDbContext db,
    ILibrarySyncService sync,
    IGapJobPlanner planner,
    TimeProvider clock,
    ILogger<RuleRunner> logger)
{
    public async Task<RuleRunOutcome> RunAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        var rule = await db.AutoTranslationRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return new RuleRunOutcome(ruleId, RuleRunStatus.NotFound, [], null, null);
        }

        var startedAt = clock.GetUtcNow();
        var errors = new List<string>();
        var summaries = new List<LibrarySyncSummary>();
        GapPlanResult? plan = null;
        var libraries = await LibrariesOfAsync(rule, cancellationToken);
        foreach (var library in libraries)
        {
            try
            {
                summaries.Add(await sync.SyncAsync(library.Id, full: false, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSyncFailed(logger, exception, rule.Id, library.Id);
                errors.Add($"{library.Name}: {exception.Message}");
            }
        }

        // Items of a library whose sync failed are still planned from what the last sync saw.
        try
        {
            plan = await planner.PlanAsync(ToPlanRequest(rule, null), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPlanFailed(logger, exception, rule.Id);
            errors.Add($"planning: {exception.Message}");
        }

        // Written by id, not through the tracked entity: the sync and the planner clear this context's
        // change tracker as they batch, so the entity read above is no longer tracked here.
        var ranAt = clock.GetUtcNow();
        var status = errors.Count == 0 ? "succeeded" : "failed";
        var error = errors.Count == 0 ? null : string.Join('\n', errors);
        await db.AutoTranslationRules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.LastRunStartedAt, startedAt)
            .SetProperty(r => r.LastRunAt, ranAt)
            .SetProperty(r => r.LastRunStatus, status)
            .SetProperty(r => r.LastRunError, error), CancellationToken.None);
        (rule.LastRunAt, rule.LastRunStatus, rule.LastRunError) = (ranAt, status, error);
        LogRuleRan(logger, rule.Id, rule.LastRunStatus, summaries.Count, plan?.JobsCreated ?? 0);
        return new RuleRunOutcome(
            rule.Id, errors.Count == 0 ? RuleRunStatus.Succeeded : RuleRunStatus.Failed, summaries, plan, rule.LastRunError);
    }

    /// <summary>The planner request a rule makes, limited to <paramref name="mediaItemIds"/> when given (a webhook's item).</summary>
    public static GapPlanRequest ToPlanRequest(AutoTranslationRule rule, IReadOnlyList<Guid>? mediaItemIds) =>
        new(rule.TargetLanguages)
        {
            LibraryIds = rule.LibraryIds.Count == 0 ? null : rule.LibraryIds,
            MediaItemIds = mediaItemIds,
            SourceLanguages = rule.SourceLanguages,
            Engine = rule.Engine,
            Model = rule.Model,
            Priority = rule.Priority,
            MinimumItemAge = rule.MinimumItemAge,
            RuleId = rule.Id,
        };

    /// <summary>Whether the rule looks at items of this library (an empty library list means all).</summary>
    public static bool Covers(AutoTranslationRule rule, Guid libraryId) =>
        rule.LibraryIds.Count == 0 || rule.LibraryIds.Contains(libraryId);

    private Task<List<LibraryEntity>> LibrariesOfAsync(AutoTranslationRule rule, CancellationToken cancellationToken)
    {
        var query = db.Libraries.AsNoTracking().Where(library => library.Enabled);
        if (rule.LibraryIds.Count > 0)
        {
            var ids = rule.LibraryIds;
            query = query.Where(library => ids.Contains(library.Id));
        }

        return query.OrderBy(library => library.Name).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} could not sync library {LibraryId}")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, Guid ruleId, Guid libraryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} could not plan jobs")]
    private static partial void LogPlanFailed(ILogger logger, Exception exception, Guid ruleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} ran: {Status}, {Libraries} libraries synced, {JobsCreated} jobs created")]
    private static partial void LogRuleRan(ILogger logger, Guid ruleId, string status, int libraries, int jobsCreated);
}

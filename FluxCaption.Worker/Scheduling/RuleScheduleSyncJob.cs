using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

/// <summary>
/// Brings the cron triggers in the clustered store in line with the rules table: a trigger per
/// enabled rule, rescheduled when its cron changes, removed when the rule is disabled or deleted.
/// The Api only writes rules, so a change takes effect within one reconcile interval, without a restart.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RuleScheduleSyncJob(
    FluxCaptionDbContext db,
    IOptions<RuleSchedulingOptions> options,
    ILogger<RuleScheduleSyncJob> logger) : IJob
{
    public const string RuleGroup = "fluxcaption-rules";

    public static readonly JobKey Key = new("rule-schedule-sync", "fluxcaption");

    public static JobKey JobKeyFor(Guid ruleId) => new($"rule-{ruleId}", RuleGroup);

    public static TriggerKey TriggerKeyFor(Guid ruleId) => new($"rule-{ruleId}", RuleGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduler = context.Scheduler;
        var timeZone = options.Value.ResolveTimeZone();
        var rules = await db.AutoTranslationRules.AsNoTracking()
            .Where(rule => rule.Enabled)
            .Select(rule => new { rule.Id, rule.Cron })
            .ToListAsync(cancellationToken);

        var wanted = new HashSet<TriggerKey>();
        foreach (var rule in rules)
        {
            var triggerKey = TriggerKeyFor(rule.Id);
            if (!CronExpression.TryParse(rule.Cron, out _))
            {
                LogBadCron(logger, rule.Id, rule.Cron);
                continue;
            }

            wanted.Add(triggerKey);
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing
                && existing.CronExpressionString == rule.Cron
                && existing.TimeZone.Id == timeZone.Id)
            {
                continue;
            }

            var job = JobBuilder.Create<RuleRunJob>()
                .WithIdentity(JobKeyFor(rule.Id))
                .UsingJobData(RuleRunJob.RuleIdKey, rule.Id.ToString())
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(triggerKey)
                .ForJob(job)
                .WithCronSchedule(rule.Cron, cron => cron.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            LogScheduled(logger, rule.Id, rule.Cron);
        }

        foreach (var triggerKey in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(RuleGroup), cancellationToken))
        {
            if (!wanted.Contains(triggerKey))
            {
                await scheduler.DeleteJob(new JobKey(triggerKey.Name, RuleGroup), cancellationToken);
                LogUnscheduled(logger, triggerKey.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} has a cron expression Quartz cannot read ({Cron}); it is not scheduled")]
    private static partial void LogBadCron(ILogger logger, Guid ruleId, string cron);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} scheduled on {Cron}")]
    private static partial void LogScheduled(ILogger logger, Guid ruleId, string cron);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule trigger {Trigger} removed: the rule is disabled or gone")]
    private static partial void LogUnscheduled(ILogger logger, string trigger);
}

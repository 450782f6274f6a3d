using FluxCaption.Core.Libraries.Rules;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

/// <summary>
/// One firing of an auto-translation rule's cron trigger. Each rule has its own job key, so the
/// attribute keeps two runs of the same rule apart (across the cluster) while different rules run side by side.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RuleRunJob(RuleRunner runner, ILogger<RuleRunJob> logger) : IJob
{
    public const string RuleIdKey = "ruleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(RuleIdKey), out var ruleId))
        {
            LogNoRule(logger, context.JobDetail.Key.ToString());
            return;
        }

        using var activity = WorkerTelemetry.ActivitySource.StartActivity("run rule");
        activity?.SetTag("fluxcaption.rule_id", ruleId);
        var outcome = await runner.RunAsync(ruleId, cancellationToken);
        if (outcome.Status == RuleRunStatus.NotFound)
        {
            // Deleted since the last reconcile: drop the trigger now rather than at the next pass.
            await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule job {JobKey} has no rule id; ignored")]
    private static partial void LogNoRule(ILogger logger, string jobKey);
}

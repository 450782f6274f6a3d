using FluxCaption.Core.Libraries.Rules;
using FluxCaption.Core.Settings;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

public static class RuleSchedulingExtensions
{
    /// <summary>The services rule runs need in the scheduler: runtime settings, the rule runner, the options.</summary>
    public static IHostApplicationBuilder AddRuleSchedulingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RuleSchedulingOptions>()
            .BindConfiguration(RuleSchedulingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => TryResolve(options), "Rules:TimeZone is not a time zone this machine knows.")
            .ValidateOnStart();
        builder.Services.AddRuleRunner();
        return builder;
    }

    /// <summary>The reconcile job on its interval, and the rule job type Quartz instantiates per rule.</summary>
    public static void AddRuleScheduling(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(RuleSchedulingOptions.SectionName).Get<RuleSchedulingOptions>() ?? new RuleSchedulingOptions();
        quartz.AddJob<RuleScheduleSyncJob>(job => job.WithIdentity(RuleScheduleSyncJob.Key).StoreDurably());
        quartz.AddTrigger<RuleScheduleSyncJob>(trigger => trigger
            .ForJob(RuleScheduleSyncJob.Key)
            .WithIdentity("rule-schedule-sync-trigger", "fluxcaption")
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(options.ReconcileInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        quartz.AddJobType<RuleRunJob>();
    }

    private static bool TryResolve(RuleSchedulingOptions options)
    {
        try
        {
            options.ResolveTimeZone();
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}

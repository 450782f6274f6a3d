using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Core.Libraries.Local;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Settings;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Translation;
using FluxCaption.Worker.Consumers;
using FluxCaption.Worker.Scheduling;
using Quartz;

namespace FluxCaption.Worker.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddFluxCaptionData();
        builder.AddFluxCaptionMessaging();
        builder.AddFluxCaptionJobs();
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.SectionName)
            .PostConfigure(options => options.ApplyDefaults())
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WorkerTelemetry>();
        builder.AddTranslation();
        builder.AddFluxCaptionSettings();
        builder.AddLibraries();
        builder.AddLocalMedia();
        builder.Services.AddJellyfin();
        builder.AddSourceMaking();

        var options = (builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions()).ApplyDefaults();
        if (options.HasRole("consumer"))
        {
            builder.Services.AddHostedService<ControlListener>();
            foreach (var stageName in options.Stages)
            {
                var stage = Enum.Parse<JobStage>(stageName, ignoreCase: true);
                builder.Services.AddSingleton<IHostedService>(services => ActivatorUtilities.CreateInstance<StageConsumer>(services, stage));
            }
        }

        if (options.HasRole("scheduler"))
        {
            builder.AddRuleSchedulingServices();
            builder.Services.AddHostedService<OperationalMetricsSampler>();
            builder.AddScheduler(options);
        }

        return builder;
    }

    private static void AddScheduler(this IHostApplicationBuilder builder, WorkerOptions options)
    {
        var connectionString = builder.Configuration.GetConnectionString(DataExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DataExtensions.ConnectionStringName} is not configured.");
        builder.AddQuartz("fluxcaption", quartz =>
        {
            // Every scheduler process gets its own instance id; the cluster shares the job store.
            quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(ado =>
                {
                    ado.TablePrefix = "quartz.qrtz_";
                    ado.StoreJobDataAsStrings = true;
                    ado.SchemaProvisioning = SchemaProvisioning.Validate;
                    // Quartz's defaults (15 s between retries after a database failure, a misfire scan once a minute)
                    // left the reaper silent for up to two minutes after an outage; scan and retry within its interval.
                    ado.DbRetryInterval = options.ResolveSchedulerRetryInterval();
                    ado.MisfireHandlerFrequency = options.ResolveSchedulerRetryInterval();
                });
                store.UsePostgres(connectionString);
                store.UseClustering(cluster =>
                {
                    cluster.Enabled = true;
                    cluster.CheckinInterval = options.SchedulerCheckinInterval;
                    cluster.CheckinMisfireThreshold = options.SchedulerCheckinInterval * 2;
                });
            });

            quartz.AddJob<LeaseReaperJob>(job => job.WithIdentity(LeaseReaperJob.Key).StoreDurably());
            quartz.AddTrigger<LeaseReaperJob>(trigger => trigger
                .ForJob(LeaseReaperJob.Key)
                .WithIdentity("lease-reaper-trigger", "fluxcaption")
                .StartNow()
                // A firing missed during an outage runs as soon as the scheduler sees it, not one interval later.
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.ReaperInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));

            quartz.AddJob<TempFileCleanupJob>(job => job.WithIdentity(TempFileCleanupJob.Key).StoreDurably());
            quartz.AddTrigger<TempFileCleanupJob>(trigger => trigger
                .ForJob(TempFileCleanupJob.Key)
                .WithIdentity("temp-file-cleanup-trigger", "fluxcaption")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.TempCleanupInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddRuleScheduling(builder.Configuration);
        });
        builder.AddQuartzHostedService("fluxcaption", hosted => hosted.WaitForJobsToComplete = true);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Registers <see cref="IJobService"/> and the pipeline pieces (state store, events, stage processor,
    /// reaper) with <see cref="JobsOptions"/> from "Jobs". Needs AddFluxCaptionData and AddFluxCaptionMessaging;
    /// running stages also needs an ISubtitleTranslator registration.
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.HeartbeatInterval < options.LeaseTtl, "Jobs:HeartbeatInterval must be shorter than Jobs:LeaseTtl.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ISubtitleContentCodec, SubtitleContentCodec>();
        builder.Services.AddSingleton<RunningJobRegistry>();
        builder.Services.AddScoped<JobStateStore>();
        builder.Services.AddScoped<JobEventRecorder>();
        builder.Services.AddScoped<IJobService, JobService>();
        builder.Services.AddScoped<JobResultWriteback>();
        builder.Services.AddScoped<TranslateStageHandler>();
        builder.Services.AddScoped<StageMessageProcessor>();
        builder.Services.AddScoped<JobReaper>();
        return builder;
    }
}

using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Gaps;
using FluxCaption.Core.Libraries.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Libraries;

public static class LibrariesExtensions
{
    /// <summary>
    /// Registers the library sync (<see cref="ILibrarySyncService"/>), the gap planner
    /// (<see cref="IGapJobPlanner"/>) with <see cref="CoverageRules"/> from "Coverage", and the acquire
    /// and write-back stage handlers. The media sources themselves (Jellyfin, local folders) are
    /// registered by their own extensions as <see cref="IMediaLibrarySource"/>; needs AddFluxCaptionData,
    /// AddFluxCaptionMessaging and AddFluxCaptionJobs.
    /// </summary>
    public static IHostApplicationBuilder AddLibraries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoverageRules>().BindConfiguration(CoverageRules.SectionName);
        // Runtime settings (AddFluxCaptionSettings) register the database-backed source first when present.
        builder.Services.TryAddScoped<ICoverageRulesSource, ConfiguredCoverageRules>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<MediaSourceResolver>();
        builder.Services.TryAddScoped<MediaItemUpserter>();
        builder.Services.TryAddScoped<LibrarySyncLock>();
        builder.Services.TryAddSingleton<LibrariesTelemetry>();
        builder.Services.TryAddScoped<ILibrarySyncService, LibrarySyncService>();
        builder.Services.TryAddSingleton<DefaultTranslationEngine>();
        builder.Services.TryAddScoped<GapJobDispatcher>();
        builder.Services.TryAddScoped<IGapJobPlanner, GapJobPlanner>();
        builder.Services.TryAddScoped<AcquireStageHandler>();
        builder.Services.TryAddScoped<WritebackStageHandler>();
        return builder;
    }
}

using FluxCaption.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Libraries.Local;

public static class LocalMediaExtensions
{
    /// <summary>
    /// Registers ffprobe/ffmpeg access (<see cref="IMediaProbe"/>, <see cref="ISubtitleExtractor"/>, options
    /// "Media") and the local-folder source (<see cref="LocalMediaSource"/> as an <see cref="IMediaLibrarySource"/>,
    /// scoped, options "LocalMedia"). Needs AddFluxCaptionData: unchanged items are recognised from <c>media_items</c>.
    /// </summary>
    public static IHostApplicationBuilder AddLocalMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<LocalMediaOptions>()
            .BindConfiguration(LocalMediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IMediaProbe, MediaProbe>();
        builder.Services.TryAddSingleton<ISubtitleExtractor, SubtitleExtractor>();
        builder.Services.TryAddScoped<IKnownMediaItems, StoredMediaItems>();
        builder.Services.AddScoped<LocalMediaSource>();
        builder.Services.AddScoped<IMediaLibrarySource>(services => services.GetRequiredService<LocalMediaSource>());
        return builder;
    }
}

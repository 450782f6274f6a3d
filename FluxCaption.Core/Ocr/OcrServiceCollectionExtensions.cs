using FluxCaption.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Ocr;

public static class OcrServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBitmapSubtitleReader"/> (<see cref="BitmapSubtitleReader"/>, singleton: it remembers which
    /// Tesseract languages are installed) with its options (section "Ocr") and the "Media" options it shares with
    /// ffmpeg extraction (binary folder, temp folder, timeouts).
    /// </summary>
    public static IServiceCollection AddBitmapSubtitleOcr(this IServiceCollection services)
    {
        services.AddOptions<OcrOptions>()
            .BindConfiguration(OcrOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<BitmapSubtitleReader>();
        services.TryAddSingleton<IBitmapSubtitleReader>(provider => provider.GetRequiredService<BitmapSubtitleReader>());
        return services;
    }

    /// <inheritdoc cref="AddBitmapSubtitleOcr(IServiceCollection)"/>
    public static IHostApplicationBuilder AddBitmapSubtitleOcr(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBitmapSubtitleOcr();
        return builder;
    }
}

using FluxCaption.Core.Translation.PostProcessing;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Core.Translation.Output;

public static class TranslationOutputServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TranslationOutputBuilder"/> and <see cref="PostProcessingOptions"/> (section "Translation:PostProcessing").</summary>
    public static IServiceCollection AddTranslationOutput(this IServiceCollection services)
    {
        services.AddOptions<PostProcessingOptions>()
            .BindConfiguration(PostProcessingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SubtitlePostProcessor>();
        services.AddSingleton<TranslationOutputBuilder>();
        return services;
    }
}

using FluxCaption.Core.Translation.Output;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Core.Translation;

public static class TranslationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISubtitleTranslator"/> and <see cref="TranslationOptions"/> (section "Translation").
    /// Engines are registered separately (AddOllamaEngine, the Apertium extension...).
    /// </summary>
    public static IServiceCollection AddSubtitleTranslation(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>()
            .BindConfiguration(TranslationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ISubtitleTranslator, SubtitleTranslator>();
        services.AddTranslationOutput();
        return services;
    }
}

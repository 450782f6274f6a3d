using FluxCaption.Core.Translation.Glossary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FluxCaption.Core.Translation.Memory;

public static class TranslationMemoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database translation memory (translation_memory, section "Translation:Memory")
    /// and the global glossary (glossary_terms) for <see cref="SubtitleTranslator"/>. Needs the
    /// FluxCaptionDbContext registration (AddFluxCaptionData); each call opens its own scope.
    /// </summary>
    public static IServiceCollection AddTranslationMemory(this IServiceCollection services)
    {
        services.AddOptions<TranslationMemoryOptions>()
            .BindConfiguration(TranslationMemoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITranslationMemory, PostgresTranslationMemory>();
        services.TryAddSingleton<IGlossaryStore, PostgresGlossaryStore>();
        return services;
    }
}

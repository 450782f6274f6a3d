using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FluxCaption.Core.Translation.Apertium;

public static class ApertiumServiceCollectionExtensions
{
    /// <summary>Registers the Apertium engine as an <see cref="ITranslationEngine"/> singleton with its options ("Engines:Apertium").</summary>
    public static IServiceCollection AddApertiumEngine(this IServiceCollection services)
    {
        services.AddOptions<ApertiumOptions>()
            .BindConfiguration(ApertiumOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ApertiumTranslationEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, ApertiumTranslationEngine>(
            provider => provider.GetRequiredService<ApertiumTranslationEngine>()));
        return services;
    }
}

using FluxCaption.Core.Translation.Apertium;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Translation;

public static class TranslationHostingExtensions
{
    /// <summary>
    /// The document translator and every engine this installation has: Apertium always (it is
    /// local), Ollama when an endpoint is configured, the OpenAI-compatible engine when a base URL is. The Api uses the same registrations as the
    /// Worker so it can refuse a job for an engine or pair the Worker could not run. The translation
    /// memory and the global glossary live in the database (AddFluxCaptionData must be called too).
    /// </summary>
    public static IHostApplicationBuilder AddTranslation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSubtitleTranslation();
        builder.Services.AddTranslationMemory();
        builder.Services.AddApertiumEngine();
        builder.AddOllamaEngine();
        builder.AddOpenAiEngine();
        return builder;
    }
}

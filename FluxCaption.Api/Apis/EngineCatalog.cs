using FluxCaption.Api.Extensions;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis;

/// <summary>The translation engines this installation has, and which one a job gets when it names none.</summary>
public sealed class EngineCatalog(
    IEnumerable<ITranslationEngine> engines,
    IOptions<ApiOptions> options,
    IConfiguration configuration)
{
    private readonly IReadOnlyList<ITranslationEngine> _engines = [.. engines];

    public IReadOnlyList<string> Names => [.. _engines.Select(e => e.Name).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The configured default; else the LLM this installation has (Ollama first, then an
    /// OpenAI-compatible endpoint); else Apertium, which is always local.
    /// </summary>
    public string DefaultEngine =>
        !string.IsNullOrWhiteSpace(options.Value.DefaultEngine) ? options.Value.DefaultEngine.Trim().ToLowerInvariant()
        : OllamaServiceCollectionExtensions.IsConfigured(configuration) ? "ollama"
        : OpenAiServiceCollectionExtensions.IsConfigured(configuration) ? "openai"
        : "apertium";

    /// <summary>
    /// The fallback chain a job gets when it names none: Api:DefaultFallback when set ("none" for no
    /// chain), else Apertium whenever it can translate the pair and is not the job's engine already, so an
    /// LLM outage or a line the model refuses still ends up translated. Entries this installation lacks,
    /// that cannot serve the pair, or that repeat the job's engine are left out.
    /// </summary>
    public IReadOnlyList<EngineChoice> DefaultFallbackFor(EngineChoice primary, string? sourceLanguage, string? targetLanguage)
    {
        var configured = options.Value.DefaultFallback?.Trim();
        IReadOnlyList<EngineChoice> wanted;
        if (string.IsNullOrEmpty(configured))
        {
            wanted = [new EngineChoice(ApertiumTranslationEngine.EngineName)];
        }
        else if (string.Equals(configured, "none", StringComparison.OrdinalIgnoreCase)
            || !EngineChainSyntax.TryParse(configured, out wanted, out _))
        {
            return [];
        }

        return [.. wanted
            .Where(choice => choice != primary)
            .Where(choice => Find(choice.Engine) is { } engine
                && sourceLanguage is not null && targetLanguage is not null
                && engine.Supports(sourceLanguage, targetLanguage))
            .Distinct()];
    }

    public ITranslationEngine? Find(string name) =>
        _engines.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}

using FluxCaption.Api.Extensions;
using FluxCaption.Core.Translation;
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

    public ITranslationEngine? Find(string name) =>
        _engines.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}

using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.Configuration;

namespace FluxCaption.Core.Libraries.Gaps;

/// <summary>
/// The engine a job gets when its rule or request names none, chosen as the Api's engine list does:
/// the configured <c>Api:DefaultEngine</c>; else the LLM this installation has (Ollama first, then an
/// OpenAI-compatible endpoint); else Apertium, which is always local.
/// </summary>
public sealed class DefaultTranslationEngine(IConfiguration configuration)
{
    public const string ConfigurationKey = "Api:DefaultEngine";

    public string Name =>
        configuration[ConfigurationKey] is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured) ? configured.Trim().ToLowerInvariant()
        : OllamaServiceCollectionExtensions.IsConfigured(configuration) ? "ollama"
        : OpenAiServiceCollectionExtensions.IsConfigured(configuration) ? "openai"
        : "apertium";
}

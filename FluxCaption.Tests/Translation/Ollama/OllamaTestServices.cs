using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Ollama;

/// <summary>The services a host registers for Ollama translation, pointed at a scripted server.</summary>
internal static class OllamaTestServices
{
    public static ServiceProvider Build(ScriptedOllamaServer ollama, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:llm"] = ollama.ConnectionString,

            // Short waits keep retry tests quick; Retry-After still overrides them.
            ["Ollama:RetryBaseDelay"] = "00:00:00.050",
            ["Ollama:AttemptTimeout"] = "00:00:20",
            ["Ollama:TotalTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddOllamaEngine();
        services.AddSubtitleTranslation();
        return services.BuildServiceProvider(validateScopes: true);
    }
}

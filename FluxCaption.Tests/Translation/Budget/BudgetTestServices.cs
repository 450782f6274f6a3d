using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Budget;

/// <summary>A film of 400 lines whose first scene an engine can translate and whose rest it cannot, and the services to translate it.</summary>
internal static class BudgetTestServices
{
    public const int Cues = 400;

    public const int GoodCues = 40;

    /// <summary>Every line distinct, so none shares an engine segment with another.</summary>
    public static string[] Film() =>
        [.. Enumerable.Range(0, Cues).Select(i => i < GoodCues ? $"Le train numéro {i} part à midi." : $"سطر رقم {i} لا يمكن ترجمته.")];

    /// <summary>The scripted Ollama "model" returns every line after the first scene as it was sent.</summary>
    public static void CannotTranslateTheRest(ScriptedOllamaServer ollama)
    {
        foreach (var line in Film().Skip(GoodCues))
        {
            ollama.KeepUntranslated(line);
        }
    }

    /// <summary>Ollama and, when given, the OpenAI-compatible engine; one batch at a time so request counts do not depend on timing.</summary>
    public static ServiceProvider Build(ScriptedOllamaServer ollama, ScriptedOpenAiServer? openAi = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:llm"] = ollama.ConnectionString,
            ["Ollama:RetryBaseDelay"] = "00:00:00.050",
            ["Ollama:AttemptTimeout"] = "00:00:20",
            ["Ollama:TotalTimeout"] = "00:01:00",
            ["Translation:MaxParallelBatches"] = "1",
        };
        if (openAi is not null)
        {
            values["OpenAi:BaseUrl"] = openAi.BaseUrl.ToString();
            values["OpenAi:Model"] = openAi.Model;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddOllamaEngine();
        if (openAi is not null)
        {
            services.AddOpenAiEngine();
        }

        services.AddSubtitleTranslation();
        return services.BuildServiceProvider(validateScopes: true);
    }
}

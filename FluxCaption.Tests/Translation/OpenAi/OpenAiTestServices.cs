using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.OpenAi;
using FluxCaption.Tests.TestServers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.OpenAi;

/// <summary>The services a host registers for OpenAI-compatible translation, pointed at a scripted server.</summary>
internal static class OpenAiTestServices
{
    public static ServiceProvider Build(ScriptedOpenAiServer server, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["OpenAi:BaseUrl"] = server.BaseUrl.ToString(),
            ["OpenAi:Model"] = server.Model,

            // Short waits keep retry tests quick; Retry-After still overrides them.
            ["OpenAi:RetryBaseDelay"] = "00:00:00.050",
            ["OpenAi:AttemptTimeout"] = "00:00:20",
            ["OpenAi:TotalTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddOpenAiEngine();
        services.AddSubtitleTranslation();
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The text of a chat's last message, whether the SDK sent its content as a string or as parts.</summary>
    public static string LastMessageText(RecordedOpenAiRequest chat) =>
        chat.Json!["messages"]!.AsArray().Last()!["content"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
            _ => "",
        };

    public static ITranslationEngine Engine(ServiceProvider services) =>
        services.GetServices<ITranslationEngine>().Single(e => e.Name == "openai");
}

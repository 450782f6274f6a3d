using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.Speech.Http;

/// <summary>The services a host registers for the HTTP speech engines, pointed at scripted servers, with quick retries.</summary>
internal static class HttpSpeechTestServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, TraceLogs? logs = null)
    {
        var values = new Dictionary<string, string?>();
        foreach (var section in new[] { "Speech:OpenAi", "Speech:WhisperAsr" })
        {
            // Short waits keep retry tests quick; Retry-After still overrides them.
            values[$"{section}:RetryBaseDelay"] = "00:00:00.050";
            values[$"{section}:AttemptTimeout"] = "00:00:20";
            values[$"{section}:TotalTimeout"] = "00:01:00";
        }

        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (HttpSpeechServiceCollectionExtensions.IsConfigured(configuration, "Speech:OpenAi"))
        {
            services.AddOpenAiTranscriptionEngine();
        }

        if (HttpSpeechServiceCollectionExtensions.IsConfigured(configuration, "Speech:WhisperAsr"))
        {
            services.AddWhisperAsrEngine();
        }

        return services.BuildServiceProvider(validateScopes: true);
    }

    public static ISpeechRecognitionEngine Engine(ServiceProvider services, string name) =>
        services.GetServices<ISpeechRecognitionEngine>().Single(e => e.Name == name);
}

using FluxCaption.Core.Speech.OpenAi;
using FluxCaption.Core.Speech.WhisperAsr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.Http;

public static class HttpSpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "openai" speech engine when Speech:OpenAi:Endpoint is set and the "whisper-asr"
    /// engine when Speech:WhisperAsr:Endpoint is set, as the translation engines are registered: an
    /// installation without the setting has no such engine, and jobs asking for it are refused up front
    /// instead of failing later against a server that does not exist.
    /// </summary>
    public static IHostApplicationBuilder AddHttpSpeechEngines(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsConfigured(builder.Configuration, OpenAiTranscriptionOptions.SectionName))
        {
            builder.Services.AddOpenAiTranscriptionEngine();
        }

        if (IsConfigured(builder.Configuration, WhisperAsrOptions.SectionName))
        {
            builder.Services.AddWhisperAsrEngine();
        }

        return builder;
    }

    public static bool IsConfigured(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:{nameof(HttpSpeechEngineOptions.Endpoint)}"]);

    /// <summary>The "openai" <see cref="ISpeechRecognitionEngine"/>, its options (Speech:OpenAi) and the "speech-openai" HttpClient.</summary>
    public static IServiceCollection AddOpenAiTranscriptionEngine(this IServiceCollection services)
    {
        services.AddSpeechHttpClient<OpenAiTranscriptionOptions>(OpenAiTranscriptionOptions.SectionName, OpenAiTranscriptionEngine.HttpClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechRecognitionEngine, OpenAiTranscriptionEngine>());
        return services;
    }

    /// <summary>The "whisper-asr" <see cref="ISpeechRecognitionEngine"/>, its options (Speech:WhisperAsr) and the "speech-whisper-asr" HttpClient.</summary>
    public static IServiceCollection AddWhisperAsrEngine(this IServiceCollection services)
    {
        services.AddSpeechHttpClient<WhisperAsrOptions>(WhisperAsrOptions.SectionName, WhisperAsrEngine.HttpClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechRecognitionEngine, WhisperAsrEngine>());
        return services;
    }

    private static void AddSpeechHttpClient<TOptions>(this IServiceCollection services, string section, string clientName)
        where TOptions : HttpSpeechEngineOptions
    {
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var http = services.AddHttpClient(clientName, client =>
        {
            // The pipeline below owns every timeout; HttpClient's own 100 s would cut a slow CPU server short.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Host-wide defaults (30 s total) suit API calls, not transcriptions. Removing a handler is still
        // marked experimental, but it is the supported way to do it.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
                resilience.Retry.Delay = options.RetryBaseDelay;
                resilience.Retry.ShouldRetryAfterHeader = true;

                // The circuit breaker insists on sampling at least two attempt timeouts.
                var sampling = options.AttemptTimeout * 2;
                resilience.CircuitBreaker.SamplingDuration = sampling > resilience.CircuitBreaker.SamplingDuration
                    ? sampling
                    : resilience.CircuitBreaker.SamplingDuration;
            });
    }
}

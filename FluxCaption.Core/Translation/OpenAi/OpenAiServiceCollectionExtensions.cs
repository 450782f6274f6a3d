using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation.OpenAi;

public static class OpenAiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "openai" engine when OpenAi:BaseUrl is set. Without it the installation has no
    /// such engine, and jobs that ask for it are refused up front.
    /// </summary>
    public static IHostApplicationBuilder AddOpenAiEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsConfigured(builder.Configuration))
        {
            builder.Services.AddOpenAiEngine();
        }

        return builder;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{OpenAiEngineOptions.SectionName}:{nameof(OpenAiEngineOptions.BaseUrl)}"]);

    /// <summary>
    /// Registers the "openai" <see cref="ITranslationEngine"/>, its options (section "OpenAi") and the
    /// "openai" HttpClient with one resilience pipeline of its own.
    /// </summary>
    public static IServiceCollection AddOpenAiEngine(this IServiceCollection services)
    {
        services.AddOptions<OpenAiEngineOptions>()
            .BindConfiguration(OpenAiEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var http = services.AddHttpClient(OpenAiCompatibleTranslationEngine.HttpClientName, client =>
        {
            // The pipeline below owns every timeout; HttpClient's own 100 s would cut long batches short.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Host-wide defaults (30 s total) suit API calls, not LLM generations. Removing a handler is
        // still marked experimental, but it is the supported way to do it.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<OpenAiEngineOptions>>().Value;
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

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, OpenAiCompatibleTranslationEngine>());
        return services;
    }
}

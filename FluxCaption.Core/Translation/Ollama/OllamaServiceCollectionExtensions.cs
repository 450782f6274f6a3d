using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation.Ollama;

public static class OllamaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "ollama" engine when an endpoint is configured (ConnectionStrings:llm or
    /// Ollama:Endpoint). Without one the installation simply has no Ollama engine: jobs that ask for
    /// it are refused up front instead of failing later against a server that does not exist.
    /// </summary>
    public static IHostApplicationBuilder AddOllamaEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsConfigured(builder.Configuration))
        {
            builder.Services.AddOllamaEngine();
        }

        return builder;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString("llm"))
        || !string.IsNullOrWhiteSpace(configuration[$"{OllamaEngineOptions.SectionName}:Endpoint"]);

    /// <summary>
    /// Registers the "ollama" <see cref="ITranslationEngine"/>, its options (section "Ollama", endpoint and
    /// model from ConnectionStrings:llm, which wins) and the "ollama" HttpClient with one resilience pipeline.
    /// </summary>
    public static IServiceCollection AddOllamaEngine(this IServiceCollection services)
    {
        services.AddOptions<OllamaEngineOptions>()
            .BindConfiguration(OllamaEngineOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var connectionString = configuration.GetConnectionString("llm");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    var (endpoint, model) = OllamaConnectionString.Parse(connectionString);
                    options.Endpoint = endpoint ?? options.Endpoint;
                    options.Model = model ?? options.Model;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var http = services.AddHttpClient(OllamaTranslationEngine.HttpClientName, (provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<OllamaEngineOptions>>().Value.Endpoint;

            // The pipeline below owns every timeout; HttpClient's own 100 s would cut long batches short.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Host-wide defaults (30 s total) suit API calls, not LLM generations: this client has its own
        // pipeline. Removing a handler is still marked experimental, but it is the supported way to do it.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<OllamaEngineOptions>>().Value;
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

        services.TryAddSingleton<OllamaDefaultModel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, OllamaTranslationEngine>());
        return services;
    }
}

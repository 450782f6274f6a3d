using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Models;

public static class ModelsApiExtensions
{
    /// <summary>
    /// The Models API's services: <see cref="OllamaModelsClient"/>, <see cref="OpenAiModelsClient"/>, the
    /// <see cref="ModelPullRegistry"/>, and the "ollama-models" / "openai-models" HttpClients. Registered
    /// whether or not a server is configured; the endpoints answer 404 naming the missing setting.
    /// </summary>
    public static IHostApplicationBuilder AddModelsApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<OllamaDefaultModel>();
        services.AddSingleton<ModelPullRegistry>();
        services.AddSingleton<OllamaModelsClient>();
        services.AddSingleton<OpenAiModelsClient>();

        AddClient(services.AddHttpClient(OllamaModelsClient.HttpClientName, (provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<OllamaEngineOptions>>().Value.Endpoint;

            // A pull streams for as long as the download takes; the pipeline bounds only the wait for the answer's start.
            client.Timeout = Timeout.InfiniteTimeSpan;
        }));
        AddClient(services.AddHttpClient(OpenAiModelsClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan));
        return builder;
    }

    // Listing, deleting and starting a pull are quick calls: short timeouts and few retries, so a
    // server that is down turns into a 503 within seconds instead of the minutes an LLM batch may take.
    private static void AddClient(IHttpClientBuilder http)
    {
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        });
    }
}

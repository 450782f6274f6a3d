using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace FluxCaption.Core.Speech.WhisperNet;

public static class WhisperNetServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "whisper" <see cref="ISpeechRecognitionEngine"/> (Whisper.net in process), its options
    /// (section "Speech:WhisperNet"), the model store and cache, the "whisper-models" HttpClient with its
    /// own resilience pipeline and the "whisper-model-download" pipeline that resumes dropped transfers.
    /// <paramref name="catalog"/> replaces the published model list (checksums), for mirrors of other files.
    /// </summary>
    public static IServiceCollection AddWhisperNetSpeech(this IServiceCollection services, WhisperModelCatalog? catalog = null)
    {
        services.AddOptions<WhisperNetOptions>()
            .BindConfiguration(WhisperNetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(catalog ?? WhisperModelCatalog.Published);
        services.TryAddSingleton<WhisperModelDownloader>();
        services.TryAddSingleton<WhisperModelStore>();
        services.TryAddSingleton<WhisperModelCache>();

        var http = services.AddHttpClient(WhisperModelDownloader.HttpClientName, client =>
        {
            // The body of a 3 GB model takes as long as it takes; DownloadTimeout bounds the whole download.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // The host-wide defaults (30 s total) would cut every model transfer short.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                // These bound each request until the server starts answering; the body is read after.
                var options = provider.GetRequiredService<IOptions<WhisperNetOptions>>().Value;
                resilience.AttemptTimeout.Timeout = options.DownloadRequestTimeout;
                resilience.Retry.MaxRetryAttempts = options.DownloadMaxRetryAttempts;
                resilience.Retry.Delay = options.DownloadRetryBaseDelay;
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.TotalRequestTimeout.Timeout = options.DownloadRequestTimeout * (options.DownloadMaxRetryAttempts + 2)
                    + options.DownloadRetryBaseDelay * (1 << Math.Min(options.DownloadMaxRetryAttempts, 10));
                var sampling = options.DownloadRequestTimeout * 2;
                resilience.CircuitBreaker.SamplingDuration = sampling > resilience.CircuitBreaker.SamplingDuration
                    ? sampling
                    : resilience.CircuitBreaker.SamplingDuration;
            });

        services.AddResiliencePipeline(WhisperModelDownloader.ResumePipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<WhisperNetOptions>>().Value;
            pipeline.AddRetry(new RetryStrategyOptions
            {
                // A transfer that broke off is resumed from the bytes already on disk.
                ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                MaxRetryAttempts = Math.Max(1, options.DownloadMaxRetryAttempts),
                Delay = options.DownloadRetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
            });
        });

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechRecognitionEngine, WhisperNetEngine>());
        return services;
    }
}

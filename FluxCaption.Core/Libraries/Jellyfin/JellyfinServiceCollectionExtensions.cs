using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace FluxCaption.Core.Libraries.Jellyfin;

public static class JellyfinServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Jellyfin typed client (<see cref="JellyfinClient"/>, options section "Jellyfin"), the
    /// connection tester (<see cref="IJellyfinConnectionTester"/>) and the source (<see cref="IMediaLibrarySource"/>).
    /// An <see cref="IJellyfinConnectionProvider"/> must be registered by the caller (the settings store).
    /// </summary>
    public static IServiceCollection AddJellyfin(this IServiceCollection services)
    {
        services.AddOptions<JellyfinOptions>()
            .BindConfiguration(JellyfinOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var http = services.AddHttpClient<JellyfinClient>(client =>
        {
            // The pipeline below owns every timeout.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Replace the host-wide defaults with one pipeline from JellyfinOptions. Removing a handler is
        // still marked experimental, but it is the supported way to do it.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<JellyfinOptions>>().Value;
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
                resilience.Retry.Delay = options.RetryBaseDelay;

                // An upload or delete that timed out may still have happened: repeating it would pile up
                // .0./.1. files or delete a renumbered stream. Only GETs are retried.
                resilience.Retry.DisableForUnsafeHttpMethods();

                var sampling = options.AttemptTimeout * 2;
                resilience.CircuitBreaker.SamplingDuration = sampling > resilience.CircuitBreaker.SamplingDuration
                    ? sampling
                    : resilience.CircuitBreaker.SamplingDuration;
            });

        AddMediaDownloader(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<JellyfinConnectionTester>();
        services.TryAddTransient<IJellyfinConnectionTester>(provider => provider.GetRequiredService<JellyfinConnectionTester>());
        services.TryAddTransient<JellyfinMediaSource>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IMediaLibrarySource, JellyfinMediaSource>());
        return services;
    }

    // A separate client for whole media files: the JSON pipeline's attempt and total timeouts would cut a
    // file of several GB off. Only a connection that fails before any answer is retried here (the same request
    // again); a body that breaks off later is resumed from its byte offset by the downloader itself.
    private static void AddMediaDownloader(IServiceCollection services)
    {
        var download = services.AddHttpClient<JellyfinMediaDownloader>(client =>
        {
            // The downloader's stall timeout guards the body; there is deliberately no total timeout.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
#pragma warning disable EXTEXP0001
        download.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        download.AddResilienceHandler("jellyfin-media-download", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<JellyfinOptions>>().Value;
            if (options.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or TimeoutRejectedException),
                });
            }

            // Per attempt and only until the response headers arrive (the body is read after the pipeline returns).
            pipeline.AddTimeout(options.MediaDownloadStallTimeout);
        });
    }
}

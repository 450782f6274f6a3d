using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

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

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<JellyfinConnectionTester>();
        services.TryAddTransient<IJellyfinConnectionTester>(provider => provider.GetRequiredService<JellyfinConnectionTester>());
        services.TryAddTransient<JellyfinMediaSource>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IMediaLibrarySource, JellyfinMediaSource>());
        return services;
    }
}

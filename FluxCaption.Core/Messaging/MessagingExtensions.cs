using FluxCaption.Core.Jobs;
using FluxCaption.Core.Translation.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionStringName = "redis";

    /// <summary>
    /// Registers one Redis connection through the Aspire StackExchange.Redis integration
    /// (ConnectionStrings:redis; its "StackExchange.Redis" health check and Redis command tracing;
    /// settings under "Aspire:StackExchange:Redis"), the stage streams, control channel, events stream
    /// and feed, and <see cref="MessagingOptions"/> from "Messaging".
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionMessaging(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        }

        // Services must start while Redis is down (or still starting under the AppHost): the consumers
        // and the reaper retry, and /health reports Unhealthy meanwhile. The integration's default is
        // the same, but a connection string with abortConnect=true must not turn that into a crash.
        builder.AddRedisClient(ConnectionStringName, configureOptions: options => options.AbortOnConnectFail = false);

        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<StageDispatcher>();
        builder.Services.AddSingleton<StageQueue>();
        builder.Services.AddSingleton<StageQueueStatsReader>();
        builder.Services.AddSingleton<JobControlChannel>();
        builder.Services.AddSingleton<JobEventStream>();
        builder.Services.AddSingleton<IJobEventFeed, RedisJobEventFeed>();
        builder.Services.TryAddSingleton<IEngineClusterGate, RedisEngineClusterGate>();
        return builder;
    }
}

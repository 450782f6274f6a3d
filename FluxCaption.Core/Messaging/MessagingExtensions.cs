using FluxCaption.Core.Jobs;
using FluxCaption.Core.Translation.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionStringName = "redis";

    /// <summary>
    /// Registers one Redis connection (ConnectionStrings:redis), the stage streams, control channel,
    /// events stream and feed, <see cref="MessagingOptions"/> from "Messaging", and the "redis" health check.
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionMessaging(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;

        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<StageDispatcher>();
        builder.Services.AddSingleton<StageQueue>();
        builder.Services.AddSingleton<JobControlChannel>();
        builder.Services.AddSingleton<JobEventStream>();
        builder.Services.AddSingleton<IJobEventFeed, RedisJobEventFeed>();
        builder.Services.TryAddSingleton<IEngineClusterGate, RedisEngineClusterGate>();
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), "redis");
        return builder;
    }
}

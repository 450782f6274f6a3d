using FluxCaption.Core.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>The names of FluxCaption's streams and channels under the configured prefix.</summary>
public sealed class RedisKeys(IOptions<MessagingOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    public static string StageName(JobStage stage) => stage.ToString().ToLowerInvariant();

    public RedisKey StageStream(JobStage stage) => $"{_prefix}stage:{StageName(stage)}";

    public RedisKey DeadLetterStream(JobStage stage) => $"{_prefix}stage:{StageName(stage)}:dead";

    public RedisChannel WakeChannel(JobStage stage) => RedisChannel.Literal($"{_prefix}wake:{StageName(stage)}");

    public RedisChannel ControlChannel => RedisChannel.Literal($"{_prefix}control");

    public RedisKey EventsStream => $"{_prefix}events";

    public RedisChannel EventsChannel => RedisChannel.Literal($"{_prefix}events:notify");

    /// <summary>The in-flight requests to one translation engine, shared by every Worker (<see cref="RedisEngineClusterGate"/>).</summary>
    public RedisKey EngineSlots(string engine) => $"{_prefix}engine:{engine.ToLowerInvariant()}:slots";

    /// <summary>When the next request to one translation engine may start (its requests-per-minute spacing).</summary>
    public RedisKey EngineNextStart(string engine) => $"{_prefix}engine:{engine.ToLowerInvariant()}:next-start";
}

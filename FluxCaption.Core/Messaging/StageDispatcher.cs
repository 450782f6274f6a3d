using System.Diagnostics;
using FluxCaption.Core.Jobs;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>Puts a job on its stage stream and wakes the consumers of that stage.</summary>
public sealed class StageDispatcher(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock, ILogger<StageDispatcher> logger)
{
    public async Task<StageMessage> DispatchAsync(Guid jobId, JobStage stage, int attempt, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.ActivitySource.StartActivity($"dispatch {RedisKeys.StageName(stage)}", ActivityKind.Producer);
        activity?.SetTag("fluxcaption.job_id", jobId);
        var message = new StageMessage(Guid.NewGuid().ToString("N"), jobId, stage, attempt, TraceParent(), clock.GetUtcNow());
        if (!redis.IsConnected)
        {
            // Queued commands would wait for the whole timeout while Redis is down; the job's row is the
            // truth and the reaper dispatches queued jobs without a stream entry, so fail at once instead.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None,
                "Redis is not connected; the job is dispatched once it is back.", null, CommandStatus.Unknown);
        }

        var db = redis.GetDatabase();
        var entryId = await db.StreamAddAsync(keys.StageStream(stage), message.ToEntries()).WaitAsync(cancellationToken);
        await redis.GetSubscriber().PublishAsync(keys.WakeChannel(stage), jobId.ToString());
        logger.LogDebug("Dispatched job {JobId} to {Stage} as {EntryId}", jobId, stage, entryId);
        return message with { EntryId = entryId.ToString() };
    }

    private static string? TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
}

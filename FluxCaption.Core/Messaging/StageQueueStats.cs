using System.Globalization;
using FluxCaption.Core.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>How much work one stage stream holds: waiting (never delivered), pending (delivered, not acknowledged), and how long the oldest waiting entry has waited.</summary>
public sealed record StageQueueStats(JobStage Stage, long Waiting, long Pending, TimeSpan OldestWaitingAge);

/// <summary>
/// Reads <see cref="StageQueueStats"/> from Redis. For a consumer group XLEN alone overstates the
/// backlog (it counts entries being worked on) and the group's lag is unreliable once entries are
/// deleted (Redis reports it as null after XDEL inside the range). Because <see cref="StageQueue"/>
/// deletes every entry it acknowledges, the stream holds exactly waiting + pending entries, so
/// waiting = XLEN - XPENDING; the oldest waiting entry is the first one after the group's
/// last-delivered-id, and its auto-generated id carries the millisecond it was added.
/// </summary>
public sealed class StageQueueStatsReader(IConnectionMultiplexer redis, RedisKeys keys, IOptions<MessagingOptions> options, TimeProvider clock)
{
    public async Task<StageQueueStats> ReadAsync(JobStage stage)
    {
        var db = redis.GetDatabase();
        var key = keys.StageStream(stage);
        if (!await db.KeyExistsAsync(key))
        {
            return new StageQueueStats(stage, 0, 0, TimeSpan.Zero);
        }

        var length = await db.StreamLengthAsync(key);
        var group = (await db.StreamGroupInfoAsync(key)).FirstOrDefault(info => info.Name == options.Value.ConsumerGroup);
        if (group.Name is null)
        {
            // No consumer has created the group yet: everything in the stream is waiting.
            var first = await db.StreamRangeAsync(key, "-", "+", 1);
            return new StageQueueStats(stage, length, 0, AgeOf(first));
        }

        var pending = group.PendingMessageCount;
        var next = await db.StreamRangeAsync(key, "(" + group.LastDeliveredId, "+", 1);
        return new StageQueueStats(stage, Math.Max(0, length - pending), pending, AgeOf(next));
    }

    private TimeSpan AgeOf(StreamEntry[] entries)
    {
        if (entries.Length == 0 || entries[0].IsNull)
        {
            return TimeSpan.Zero;
        }

        var id = entries[0].Id.ToString();
        var milliseconds = long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return age < TimeSpan.Zero ? TimeSpan.Zero : age;
    }
}

using System.Globalization;
using FluxCaption.Core.Jobs;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>Reads the events stream for SSE: XRANGE after an id, waiting on the notify channel when there is nothing new.</summary>
public sealed class RedisJobEventFeed(IConnectionMultiplexer redis, RedisKeys keys) : IJobEventFeed
{
    public async Task<IReadOnlyList<JobEventMessage>> ReadAsync(string? afterId, Guid? jobId, int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        var after = afterId ?? await GetLatestIdAsync(cancellationToken);
        var deadline = DateTimeOffset.UtcNow + wait;
        var subscriber = redis.GetSubscriber();
        var signal = new SemaphoreSlim(0);
        Action<RedisChannel, RedisValue> handler = (_, _) => signal.Release();
        await subscriber.SubscribeAsync(keys.EventsChannel, handler);
        try
        {
            while (true)
            {
                var (events, lastSeen) = await ReadAfterAsync(after, jobId, max);
                if (events.Count > 0)
                {
                    return events;
                }

                after = lastSeen;
                var remaining = deadline - DateTimeOffset.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    return [];
                }

                // The notify channel is a hint; the short cap covers a notification lost between read and wait.
                await signal.WaitAsync(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(keys.EventsChannel, handler);
            signal.Dispose();
        }
    }

    public async Task<string> GetLatestIdAsync(CancellationToken cancellationToken)
    {
        var newest = await redis.GetDatabase().StreamRangeAsync(keys.EventsStream, "-", "+", 1, Order.Descending).WaitAsync(cancellationToken);
        return newest.Length > 0 ? newest[0].Id.ToString() : "0-0";
    }

    private async Task<(List<JobEventMessage> Events, string LastSeen)> ReadAfterAsync(string after, Guid? jobId, int max)
    {
        var db = redis.GetDatabase();
        var events = new List<JobEventMessage>();
        var lastSeen = after;
        while (events.Count < max)
        {
            var page = await db.StreamRangeAsync(keys.EventsStream, "(" + lastSeen, "+", Math.Max(max, 100));
            foreach (var entry in page)
            {
                lastSeen = entry.Id.ToString();
                if (ToMessage(entry) is { } message && (jobId is null || message.JobId == jobId))
                {
                    events.Add(message);
                    if (events.Count == max)
                    {
                        break;
                    }
                }
            }

            if (page.Length == 0 || events.Count == max)
            {
                break;
            }
        }

        return (events, lastSeen);
    }

    private static JobEventMessage? ToMessage(StreamEntry entry)
    {
        var values = entry.Values.ToDictionary(value => value.Name.ToString(), value => value.Value.ToString());
        if (!Guid.TryParse(values.GetValueOrDefault("jobId"), out var jobId))
        {
            return null;
        }

        var timestamp = DateTimeOffset.TryParse(values.GetValueOrDefault("ts"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ts)
            ? ts
            : DateTimeOffset.UtcNow;
        return new JobEventMessage(entry.Id.ToString(), jobId, values.GetValueOrDefault("type") ?? "", timestamp, values.GetValueOrDefault("data") ?? "{}");
    }
}

using FluxCaption.Core.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>
/// The consumer side of one stage stream: group creation, reads, claims of idle entries,
/// acknowledgement and dead-lettering. Entries are deleted once acknowledged, so whatever is
/// left in a stage stream is live work (the reaper relies on that to spot lost dispatches).
/// </summary>
public sealed class StageQueue(IConnectionMultiplexer redis, RedisKeys keys, IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _options = options.Value;

    public async Task EnsureGroupAsync(JobStage stage)
    {
        try
        {
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(keys.StageStream(stage), _options.ConsumerGroup, "0-0", createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: every consumer tries to create it at start.
        }
    }

    /// <summary>New entries for this consumer; raw entries that are not stage messages come back as null messages.</summary>
    public async Task<IReadOnlyList<StageDelivery>> ReadNewAsync(JobStage stage, string consumer, int count)
    {
        StreamEntry[] entries;
        try
        {
            entries = await redis.GetDatabase().StreamReadGroupAsync(keys.StageStream(stage), _options.ConsumerGroup, consumer, ">", count);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("NOGROUP", StringComparison.Ordinal))
        {
            // The stream vanished (e.g. Redis restarted empty): recreate and read next time.
            await EnsureGroupAsync(stage);
            return [];
        }

        return entries.Select(entry => new StageDelivery(entry.Id.ToString(), StageMessage.FromEntry(entry), 1)).ToList();
    }

    /// <summary>Claims entries idle longer than <see cref="MessagingOptions.ClaimIdleTime"/> with their delivery counts.</summary>
    public async Task<IReadOnlyList<StageDelivery>> ClaimIdleAsync(JobStage stage, string consumer, int count)
    {
        var db = redis.GetDatabase();
        var key = keys.StageStream(stage);
        StreamAutoClaimResult claimed;
        try
        {
            claimed = await db.StreamAutoClaimAsync(key, _options.ConsumerGroup, consumer,
                (long)_options.ClaimIdleTime.TotalMilliseconds, "0-0", count);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("NOGROUP", StringComparison.Ordinal))
        {
            await EnsureGroupAsync(stage);
            return [];
        }

        var deliveries = new List<StageDelivery>();
        foreach (var entry in claimed.ClaimedEntries.Where(entry => !entry.IsNull))
        {
            var pending = await db.StreamPendingMessagesAsync(key, _options.ConsumerGroup, 1, consumer, entry.Id, entry.Id);
            var deliveryCount = pending.Length > 0 ? pending[0].DeliveryCount : 1;
            deliveries.Add(new StageDelivery(entry.Id.ToString(), StageMessage.FromEntry(entry), deliveryCount));
        }

        // Entries deleted while pending come back as ids only: nothing to run, just clear them.
        foreach (var deletedId in claimed.DeletedIds)
        {
            await db.StreamAcknowledgeAsync(key, _options.ConsumerGroup, deletedId);
        }

        return deliveries;
    }

    public async Task AcknowledgeAsync(JobStage stage, string entryId)
    {
        var db = redis.GetDatabase();
        var key = keys.StageStream(stage);
        await db.StreamAcknowledgeAsync(key, _options.ConsumerGroup, entryId);
        await db.StreamDeleteAsync(key, [entryId]);
    }

    /// <summary>Copies the entry to the stage's dead-letter stream with the reason, then acknowledges it.</summary>
    public async Task DeadLetterAsync(JobStage stage, StageDelivery delivery, string reason)
    {
        var db = redis.GetDatabase();
        NameValueEntry[] fields =
        [
            new("entryId", delivery.EntryId),
            new("jobId", delivery.Message?.JobId.ToString() ?? ""),
            new("deliveries", delivery.DeliveryCount),
            new("reason", reason),
            new("deadAt", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        ];
        await db.StreamAddAsync(keys.DeadLetterStream(stage), fields);
        await AcknowledgeAsync(stage, delivery.EntryId);
    }

    /// <summary>
    /// Removes from the group the consumers that hold no entry and were idle longer than
    /// <see cref="MessagingOptions.ConsumerRemoveAfter"/>: workers that died or were renamed. Redis counts idle
    /// time from the last read that returned something, so a live worker without work that long is removed
    /// too: harmless, since it holds nothing and its next read adds it back.
    /// Returns the names removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveIdleConsumersAsync(JobStage stage)
    {
        var db = redis.GetDatabase();
        var key = keys.StageStream(stage);
        var consumers = await db.StreamConsumerInfoAsync(key, _options.ConsumerGroup);
        var removed = new List<string>();
        foreach (var consumer in consumers.Where(consumer =>
                     consumer.PendingMessageCount == 0 && consumer.IdleTimeInMilliseconds > _options.ConsumerRemoveAfter.TotalMilliseconds))
        {
            await db.StreamDeleteConsumerAsync(key, _options.ConsumerGroup, consumer.Name);
            removed.Add(consumer.Name!);
        }

        return removed;
    }

    /// <summary>Job ids that have an entry in the stage stream (delivered or not).</summary>
    public async Task<HashSet<Guid>> LiveJobIdsAsync(JobStage stage)
    {
        var db = redis.GetDatabase();
        var key = keys.StageStream(stage);
        var ids = new HashSet<Guid>();
        RedisValue from = "-";
        while (true)
        {
            var page = await db.StreamRangeAsync(key, from, "+", 500);
            foreach (var entry in page)
            {
                if (StageMessage.FromEntry(entry) is { } message)
                {
                    ids.Add(message.JobId);
                }
            }

            if (page.Length < 500)
            {
                return ids;
            }

            from = "(" + page[^1].Id;
        }
    }

    /// <summary>Calls <paramref name="onWake"/> whenever work is dispatched to the stage, until disposed.</summary>
    public async Task<IAsyncDisposable> SubscribeWakeAsync(JobStage stage, Action onWake)
    {
        var subscriber = redis.GetSubscriber();
        var channel = keys.WakeChannel(stage);
        Action<RedisChannel, RedisValue> handler = (_, _) => onWake();
        await subscriber.SubscribeAsync(channel, handler);
        return new Unsubscriber(() => subscriber.UnsubscribeAsync(channel, handler));
    }

    private sealed class Unsubscriber(Func<Task> unsubscribe) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await unsubscribe();
    }
}

/// <summary>One read of a stage entry: its id, the message (null when unreadable) and how often it was delivered.</summary>
public sealed record StageDelivery(string EntryId, StageMessage? Message, long DeliveryCount);

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>Appends job events to the capped events stream and notifies live readers.</summary>
public sealed class JobEventStream(IConnectionMultiplexer redis, RedisKeys keys, IOptions<MessagingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastProgress = new();

    /// <summary>
    /// Publishes an event; progress events (<paramref name="isProgress"/>) are dropped when one for the
    /// same job went out less than <see cref="MessagingOptions.ProgressEventInterval"/> ago. Returns the entry id, or null when throttled.
    /// </summary>
    public async Task<string?> PublishAsync(Guid jobId, string type, string data, bool isProgress = false)
    {
        var now = clock.GetUtcNow();
        if (isProgress)
        {
            var last = _lastProgress.GetOrAdd(jobId, DateTimeOffset.MinValue);
            if (now - last < options.Value.ProgressEventInterval || !_lastProgress.TryUpdate(jobId, now, last))
            {
                return null;
            }
        }
        else
        {
            _lastProgress.TryRemove(jobId, out _);
        }

        if (!redis.IsConnected)
        {
            // Waiting out the command timeout would hold up the request that recorded the event; the
            // database row and timeline are already right, live views miss this one update.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None,
                "Redis is not connected; the live event was not published.", null, CommandStatus.Unknown);
        }

        NameValueEntry[] fields =
        [
            new("jobId", jobId.ToString()),
            new("type", type),
            new("data", data),
            new("ts", now.ToString("O", CultureInfo.InvariantCulture)),
        ];
        var id = await redis.GetDatabase().StreamAddAsync(keys.EventsStream, fields,
            maxLength: options.Value.EventsMaxLength, useApproximateMaxLength: true);
        await redis.GetSubscriber().PublishAsync(keys.EventsChannel, id);
        return id.ToString();
    }
}

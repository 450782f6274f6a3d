using System.Text.Json;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>Pub/sub channel that tells the worker running a job to cancel or pause it.</summary>
public sealed class JobControlChannel(IConnectionMultiplexer redis, RedisKeys keys)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task PublishAsync(JobControlMessage message) =>
        redis.GetSubscriber().PublishAsync(keys.ControlChannel, JsonSerializer.Serialize(message, Json));

    public async Task<IAsyncDisposable> SubscribeAsync(Action<JobControlMessage> onMessage)
    {
        var subscriber = redis.GetSubscriber();
        Action<RedisChannel, RedisValue> handler = (_, value) =>
        {
            if (value.HasValue && JsonSerializer.Deserialize<JobControlMessage>(value.ToString(), Json) is { } message)
            {
                onMessage(message);
            }
        };
        await subscriber.SubscribeAsync(keys.ControlChannel, handler);
        return new Subscription(() => subscriber.UnsubscribeAsync(keys.ControlChannel, handler));
    }

    private sealed class Subscription(Func<Task> unsubscribe) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await unsubscribe();
    }
}

using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Tests.Pipeline;

/// <summary>Dead workers' names leave the consumer group once they hold nothing; a holder or a live reader stays.</summary>
public sealed class IdleConsumerTests(RedisServer redis)
{
    [Fact]
    public async Task AnIdleConsumerHoldingNothingIsRemovedWhileOneHoldingAnEntryAndALiveOneStay()
    {
        var options = Options.Create(new MessagingOptions { KeyPrefix = RedisServer.NewKeyPrefix(), ConsumerRemoveAfter = TimeSpan.FromMilliseconds(400) });
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = new RedisKeys(options);
        var queue = new StageQueue(connection, keys, options);
        var dispatcher = new StageDispatcher(connection, keys, TimeProvider.System, NullLogger<StageDispatcher>.Instance);
        await queue.EnsureGroupAsync(JobStage.Translate);
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchAsync(Guid.NewGuid(), JobStage.Translate, 1, CancellationToken.None);
        }

        var finished = await queue.ReadNewAsync(JobStage.Translate, "dead-finished", 1);
        await queue.AcknowledgeAsync(JobStage.Translate, finished.ShouldHaveSingleItem().EntryId);
        (await queue.ReadNewAsync(JobStage.Translate, "dead-holding", 1)).ShouldHaveSingleItem();
        await Task.Delay(TimeSpan.FromMilliseconds(600), TestContext.Current.CancellationToken);
        var live = await queue.ReadNewAsync(JobStage.Translate, "live", 1);
        await queue.AcknowledgeAsync(JobStage.Translate, live.ShouldHaveSingleItem().EntryId);

        var removed = await queue.RemoveIdleConsumersAsync(JobStage.Translate);

        removed.ShouldBe(["dead-finished"]);
        var remaining = await connection.GetDatabase().StreamConsumerInfoAsync(keys.StageStream(JobStage.Translate), options.Value.ConsumerGroup);
        remaining.Select(consumer => consumer.Name).Order().ShouldBe(["dead-holding", "live"]);
    }
}

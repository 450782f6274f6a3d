using FluxCaption.Core.Messaging;
using FluxCaption.Core.Translation.OpenAi;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FluxCaption.Tests.Translation.Limits;

/// <summary>Engine request limits shared through the real Redis by limiters standing in for separate Worker processes.</summary>
public sealed class EngineClusterGateTests(RedisServer redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisServer.NewKeyPrefix();
    private ConnectionMultiplexer _connection = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task TwoWorkersSharingTheGateNeverHaveMoreRequestsInFlightThanTheEngineAllows()
    {
        // Each "Worker" alone would allow two at once; together they must still send at most two.
        using var first = new EngineRequestLimiter(2, 0, "ollama", Gate());
        using var second = new EngineRequestLimiter(2, 0, "ollama", Gate());
        var gauge = new InFlightGauge();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => HoldAsync(i % 2 == 0 ? first : second, gauge, TimeSpan.FromMilliseconds(300))));

        gauge.Max.ShouldBe(2);
        (await _connection.GetDatabase().SortedSetLengthAsync(Keys().EngineSlots("ollama"))).ShouldBe(0, "every slot was given back");
    }

    [Fact]
    public async Task EnginesAreLimitedSeparately()
    {
        using var ollama = new EngineRequestLimiter(1, 0, "ollama", Gate());
        using var openAi = new EngineRequestLimiter(1, 0, "openai", Gate());

        using var held = await ollama.AcquireAsync(Ct);
        using var other = await openAi.AcquireAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        (await _connection.GetDatabase().SortedSetLengthAsync(Keys().EngineSlots("openai"))).ShouldBe(1);
    }

    [Fact]
    public async Task ASlotLeftByAWorkerThatDiedFreesItselfWhenItsLeaseEnds()
    {
        var slots = Keys().EngineSlots("ollama");
        var time = await _connection.GetDatabase().ExecuteAsync("TIME");
        var parts = (RedisResult[])time!;
        var nowMs = (long)parts[0] * 1000 + (long)parts[1] / 1000;
        await _connection.GetDatabase().SortedSetAddAsync(slots, "a-worker-that-was-killed", nowMs + 1500);
        using var limiter = new EngineRequestLimiter(1, 0, "ollama", Gate());

        using var slot = await limiter.AcquireAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var members = await _connection.GetDatabase().SortedSetRangeByRankAsync(slots);
        members.Select(m => m.ToString()).ShouldNotContain("a-worker-that-was-killed");
        members.Length.ShouldBe(1);
    }

    [Fact]
    public async Task ALiveHolderKeepsItsSlotPastTheLeaseByRenewingIt()
    {
        var gate = Gate(TimeSpan.FromMilliseconds(600));
        using var holder = new EngineRequestLimiter(1, 0, "ollama", gate);
        using var waiter = new EngineRequestLimiter(1, 0, "ollama", Gate(TimeSpan.FromMilliseconds(600)));
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var held = await holder.AcquireAsync(Ct);
        var waiting = Task.Run(async () =>
        {
            using var slot = await waiter.AcquireAsync(Ct);
            order.Enqueue("second got the slot");
        }, Ct);
        // Three lease lengths: without renewal the slot would have expired and been taken twice over.
        await Task.Delay(TimeSpan.FromMilliseconds(1800), Ct);
        order.Enqueue("first released");
        held.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        order.ShouldBe(["first released", "second got the slot"]);
    }

    [Fact]
    public async Task ARequestRateIsSpacedAcrossWorkersNotPerWorker()
    {
        // 300 a minute is one start every 200 ms for the whole cluster.
        using var first = new EngineRequestLimiter(10, 300, "openai", Gate());
        using var second = new EngineRequestLimiter(10, 300, "openai", Gate());
        var starts = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var slot = await (i % 2 == 0 ? first : second).AcquireAsync(Ct);
            starts.Add(DateTimeOffset.UtcNow);
        }));

        var ordered = starts.Order().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // Waiting only ever adds time, so this lower bound holds on a loaded machine too.
            (ordered[i] - ordered[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
        }
    }

    [Fact]
    public async Task WithRedisUnreachableEachWorkerKeepsItsOwnLimit()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 500;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var gate = new RedisEngineClusterGate(unreachable, Keys(), NullLogger<RedisEngineClusterGate>.Instance);
        using var limiter = new EngineRequestLimiter(1, 0, "ollama", gate);

        (await gate.EnterAsync("ollama", 1, TimeSpan.Zero, Ct)).ShouldBeNull();
        using var slot = await limiter.AcquireAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Should.ThrowAsync<OperationCanceledException>(() => limiter.AcquireAsync(cancel.Token), "the local limit of one still holds");
    }

    private static async Task HoldAsync(EngineRequestLimiter limiter, InFlightGauge gauge, TimeSpan time)
    {
        using var slot = await limiter.AcquireAsync(Ct);
        gauge.Enter();
        try
        {
            await Task.Delay(time, Ct);
        }
        finally
        {
            gauge.Leave();
        }
    }

    private RedisKeys Keys() => new(Options.Create(new MessagingOptions { KeyPrefix = _prefix }));

    private RedisEngineClusterGate Gate(TimeSpan? leaseTtl = null) =>
        new(_connection, Keys(), NullLogger<RedisEngineClusterGate>.Instance, leaseTtl ?? RedisEngineClusterGate.DefaultLeaseTtl);
}

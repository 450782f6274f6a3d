using System.Diagnostics;
using FluxCaption.Core.Translation.OpenAi;

namespace FluxCaption.Tests.Translation.OpenAi;

public class EngineRequestLimiterTests
{
    [Fact]
    public async Task AThirdRequestWaitsUntilOneOfTwoSlotsIsGivenBack()
    {
        using var limiter = new EngineRequestLimiter(maxParallelRequests: 2, requestsPerMinute: 0);
        var first = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        using var second = await limiter.AcquireAsync(TestContext.Current.CancellationToken);

        var third = limiter.AcquireAsync(TestContext.Current.CancellationToken);
        await Task.Delay(150, TestContext.Current.CancellationToken);
        third.IsCompleted.ShouldBeFalse();

        first.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GivingASlotBackTwiceFreesItOnlyOnce()
    {
        using var limiter = new EngineRequestLimiter(maxParallelRequests: 1, requestsPerMinute: 0);
        var slot = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        slot.Dispose();
        slot.Dispose();

        using var again = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        var another = limiter.AcquireAsync(TestContext.Current.CancellationToken);
        await Task.Delay(150, TestContext.Current.CancellationToken);

        another.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task ACancelledWaitGivesUpWithoutTakingASlot()
    {
        using var limiter = new EngineRequestLimiter(maxParallelRequests: 1, requestsPerMinute: 0);
        var held = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => limiter.AcquireAsync(cancel.Token));

        held.Dispose();
        using var next = await limiter.AcquireAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ARateOf300AMinuteStartsOneRequestEvery200Milliseconds()
    {
        using var limiter = new EngineRequestLimiter(maxParallelRequests: 10, requestsPerMinute: 300);
        var clock = Stopwatch.StartNew();
        var starts = new List<TimeSpan>();

        for (var i = 0; i < 4; i++)
        {
            using var slot = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
            starts.Add(clock.Elapsed);
        }

        for (var i = 1; i < starts.Count; i++)
        {
            (starts[i] - starts[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
        }

        starts[^1].ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void ImpossibleLimitsAreRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new EngineRequestLimiter(0, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new EngineRequestLimiter(1, -1));
    }
}

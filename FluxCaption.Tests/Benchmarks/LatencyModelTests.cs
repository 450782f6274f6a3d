using FluxCaption.Benchmarks;

namespace FluxCaption.Tests.Benchmarks;

public class LatencyModelTests
{
    [Fact]
    public void ARequestCostsItsFixedPartPlusItsTokens()
    {
        var model = new LatencyModel(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(1));

        model.Duration(promptTokens: 100, completionTokens: 50).ShouldBe(TimeSpan.FromMilliseconds(400 + 100 + 1000));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Yes.", 1)]
    [InlineData("Hello", 2)]
    [InlineData("Where were you last night?", 7)]
    public void TokensAreCharactersOverFourRoundedUp(string text, int tokens) =>
        LatencyModel.EstimateTokens(text).ShouldBe(tokens);

    [Fact]
    public void RequestsThatFitTheSlotsRunSideBySide()
    {
        var second = TimeSpan.FromSeconds(1);

        var replay = IdealSchedule.Replay([second, second, second, second], slots: 4);

        replay.Wall.ShouldBe(second);
        replay.SlotUtilisation.ShouldBe(1.0);
    }

    [Fact]
    public void ARequestBeyondTheSlotsTakesTheSlotThatFreesFirst()
    {
        var replay = IdealSchedule.Replay(
            [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            slots: 2);

        // The third request waits for the one-second request, so it ends at 1 + 2 = 3 s, with the first.
        replay.Wall.ShouldBe(TimeSpan.FromSeconds(3));
        replay.Busy.ShouldBe(TimeSpan.FromSeconds(6));
        replay.SlotUtilisation.ShouldBe(1.0);
    }

    [Fact]
    public void OneLongLastRequestLeavesTheOtherSlotsIdle()
    {
        var replay = IdealSchedule.Replay(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)],
            slots: 4);

        replay.Wall.ShouldBe(TimeSpan.FromSeconds(5));
        replay.SlotUtilisation.ShouldBe(8.0 / 20.0);
    }

    [Fact]
    public void AClientWithOneRequestInFlightUsesOneSlotOfFour()
    {
        var second = TimeSpan.FromSeconds(1);

        var replay = IdealSchedule.Replay([second, second, second, second], slots: 4, inFlight: 1);

        replay.Wall.ShouldBe(TimeSpan.FromSeconds(4));
        replay.SlotUtilisation.ShouldBe(0.25);
    }
}

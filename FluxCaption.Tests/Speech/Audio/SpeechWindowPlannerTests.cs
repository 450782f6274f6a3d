using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class SpeechWindowPlannerTests
{
    private static readonly SpeechWindowOptions Options = new();

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static SilenceSpan Quiet(double start, double end) => new(S(start), S(end));

    [Fact]
    public void SpeechWithoutSilenceIsCutHardEveryThirtySeconds()
    {
        var windows = SpeechWindowPlanner.Plan(S(95), [], Options);

        windows.Select(w => (w.Start.TotalSeconds, w.End.TotalSeconds)).ShouldBe([(0, 30), (30, 60), (60, 90), (90, 95)]);
        windows.Select(w => w.Index).ShouldBe([0, 1, 2, 3]);
        windows.ShouldAllBe(w => !w.IsSilent);
    }

    [Fact]
    public void AWindowIsCutInTheMiddleOfAShortPauseNearItsEnd()
    {
        var windows = SpeechWindowPlanner.Plan(S(50), [Quiet(25, 26)], Options);

        windows.Select(w => (w.Start.TotalSeconds, w.End.TotalSeconds)).ShouldBe([(0, 25.5), (25.5, 50)]);
    }

    [Fact]
    public void TheLongestPauseInReachWinsAndATieGoesToTheLaterOne()
    {
        SpeechWindowPlanner.Plan(S(45), [Quiet(21, 21.8), Quiet(27, 27.5)], Options)[0].End.ShouldBe(S(21.4));
        SpeechWindowPlanner.Plan(S(45), [Quiet(21, 21.6), Quiet(27, 27.6)], Options)[0].End.ShouldBe(S(27.3));
    }

    [Fact]
    public void APauseTooEarlyInTheWindowIsNotUsedToCut()
    {
        var windows = SpeechWindowPlanner.Plan(S(45), [Quiet(5, 6)], Options);

        windows[0].End.ShouldBe(S(30));
    }

    [Fact]
    public void ALongSilenceBecomesASkippedWindowWithPaddedEdges()
    {
        var windows = SpeechWindowPlanner.Plan(S(40), [Quiet(10, 20)], Options);

        windows.Select(w => (w.Start.TotalSeconds, w.End.TotalSeconds, w.IsSilent))
            .ShouldBe([(0, 10.25, false), (10.25, 19.75, true), (19.75, 40, false)]);
    }

    [Fact]
    public void SilenceAtTheStartAndEndIsSkippedRightToTheEdges()
    {
        var windows = SpeechWindowPlanner.Plan(S(30), [Quiet(0, 5), Quiet(26, 30)], Options);

        windows.Select(w => (w.Start.TotalSeconds, w.End.TotalSeconds, w.IsSilent))
            .ShouldBe([(0, 5 - 0.25, true), (4.75, 26.25, false), (26.25, 30, true)]);
    }

    [Fact]
    public void AllSilenceIsOneSkippedWindow()
    {
        var windows = SpeechWindowPlanner.Plan(S(120), [Quiet(0, 120)], Options);

        windows.ShouldHaveSingleItem().ShouldBe(new AudioWindow(0, TimeSpan.Zero, S(120), IsSilent: true));
    }

    [Fact]
    public void WindowsCoverTheAudioWithoutGapsAndSpeechWindowsStayWithinTheMaximum()
    {
        var silences = Enumerable.Range(0, 40).Select(i => Quiet((i * 17.3) + 3, (i * 17.3) + 3 + (i % 5 == 0 ? 4 : 0.6))).ToList();

        var windows = SpeechWindowPlanner.Plan(S(700), silences, Options);

        windows[0].Start.ShouldBe(TimeSpan.Zero);
        windows[^1].End.ShouldBe(S(700));
        windows.Zip(windows.Skip(1)).ShouldAllBe(pair => pair.First.End == pair.Second.Start);
        windows.Where(w => !w.IsSilent).ShouldAllBe(w => w.Duration <= S(30) && w.Duration > TimeSpan.Zero);
        windows.Count(w => w.IsSilent).ShouldBe(8);
    }

    [Fact]
    public void TheSamePlanComesOutWhateverTheOrderOfTheSilences()
    {
        var silences = Enumerable.Range(0, 30).Select(i => Quiet((i * 23.1) + 1, (i * 23.1) + 1 + (i % 3 == 0 ? 3.5 : 0.7))).ToList();
        var shuffled = silences.OrderBy(span => (span.Start.Ticks * 7919) % 1009).ToList();

        var first = SpeechWindowPlanner.Plan(S(700), silences, Options);
        var again = SpeechWindowPlanner.Plan(S(700), shuffled, Options);

        again.ShouldBe(first);
    }

    [Fact]
    public void OverlappingAndOutOfRangeSilencesAreMergedAndClipped()
    {
        var windows = SpeechWindowPlanner.Plan(S(20), [Quiet(8, 10), Quiet(9.5, 12), Quiet(-1, 0.2), Quiet(19.5, 25)], Options);

        windows.Select(w => (w.Start.TotalSeconds, w.End.TotalSeconds, w.IsSilent))
            .ShouldBe([(0, 8.25, false), (8.25, 11.75, true), (11.75, 20, false)]);
    }

    [Fact]
    public void OptionsThatCannotWorkAreRefused()
    {
        Should.Throw<ArgumentException>(() => SpeechWindowPlanner.Plan(S(10), [], new SpeechWindowOptions { CutSearch = S(40) }))
            .Message.ShouldContain("CutSearch");
    }

    [Fact]
    public void AWindowsSegmentMovesToMediaTimeAndStaysInsideTheWindow()
    {
        var window = new AudioWindow(3, S(60), S(90));
        var segment = new FluxCaption.Core.Speech.TranscribedSegment(S(28.5), S(30.02), "The end.",
            [new(S(28.5), S(29.2), "The"), new(S(29.3), S(30.02), "end.")]);

        var placed = window.ToMediaTime(segment, startOffset: S(1.5));

        (placed.Start, placed.End).ShouldBe((S(90), S(91.5)));
        placed.Words.Select(word => (word.Start, word.End)).ShouldBe([(S(90), S(90.7)), (S(90.8), S(91.5))]);
        new SilenceSpan(S(2), S(3)).Shift(S(1.5)).ShouldBe(new SilenceSpan(S(3.5), S(4.5)));
    }
}

using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Audio;
using FluxCaption.Core.Speech.Cues;

namespace FluxCaption.Tests.Speech.Cues;

public sealed class HallucinationFilterTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static TranscribedSegment Segment(double start, double end, string text, double? noSpeech = null, double? logProbability = null) =>
        new(S(start), S(end), text, [], noSpeech, logProbability);

    [Fact]
    public void RealSpeechPassesUntouched()
    {
        TranscribedSegment[] segments = [Segment(0, 2, "Where were you last night?"), Segment(2.5, 4, "At home, I swear.")];

        var filtered = HallucinationFilter.Filter(segments, []);

        filtered.Segments.ShouldBe(segments);
        filtered.Dropped.ShouldBe(0);
        filtered.TrimmedLoops.ShouldBe(0);
    }

    [Theory]
    [InlineData("Thanks for watching!")]
    [InlineData("Thank you for watching.")]
    [InlineData("Please subscribe to my channel.")]
    [InlineData("Subtitles by the Amara.org community")]
    [InlineData("♪ ♪")]
    [InlineData("♫")]
    [InlineData("字幕由Amara.org社区提供")]
    [InlineData("请不吝点赞 订阅 转发 打赏支持明镜与点点栏目")]
    [InlineData("谢谢观看")]
    [InlineData("ご視聴ありがとうございました")]
    [InlineData("시청해주셔서 감사합니다.")]
    [InlineData("Subtítulos realizados por la comunidad de Amara.org")]
    [InlineData("¡Gracias por ver!")]
    [InlineData("Sous-titres réalisés par la communauté d'Amara.org")]
    [InlineData("Merci d'avoir regardé !")]
    [InlineData("Untertitel im Auftrag des ZDF für funk, 2017")]
    [InlineData("Vielen Dank fürs Zuschauen!")]
    public void AKnownFillerIsDroppedAndCounted(string text)
    {
        var filtered = HallucinationFilter.Filter([Segment(0, 2, "We should go."), Segment(30, 33, text)], []);

        filtered.Segments.ShouldHaveSingleItem().Text.ShouldBe("We should go.");
        filtered.KnownFillers.ShouldBe(1);
        filtered.Dropped.ShouldBe(1);
    }

    [Theory]
    [InlineData("Thanks for watching the house while we were away.")]
    [InlineData("♪ Happy birthday to you ♪")]
    [InlineData("Gracias por venir.")]
    public void SentencesThatOnlyResembleAFillerAreKept(string text)
    {
        HallucinationFilter.Filter([Segment(0, 3, text)], []).Segments.ShouldHaveSingleItem();
    }

    [Fact]
    public void ASegmentLyingInASilenceIsDroppedAsTextOverSilence()
    {
        TranscribedSegment[] segments = [Segment(0, 2, "Hello."), Segment(10.2, 12.8, "I'll be right back."), Segment(14.5, 16, "Who is it?")];

        var filtered = HallucinationFilter.Filter(segments, [new SilenceSpan(S(10), S(13)), new SilenceSpan(S(15.5), S(20))]);

        filtered.Segments.Select(s => s.Text).ShouldBe(["Hello.", "Who is it?"]);
        filtered.OverSilence.ShouldBe(1);
    }

    [Fact]
    public void LowConfidenceFollowsWhispersOwnRule()
    {
        TranscribedSegment[] segments =
        [
            Segment(0, 2, "Something invented.", noSpeech: 0.9, logProbability: -1.4),
            Segment(2, 4, "Quiet but confident.", noSpeech: 0.9, logProbability: -0.3),
            Segment(4, 6, "Clear speech, poorly decoded.", noSpeech: 0.1, logProbability: -1.6),
            Segment(6, 8, "Only a no-speech figure.", noSpeech: 0.95),
        ];

        var filtered = HallucinationFilter.Filter(segments, []);

        filtered.Segments.Select(s => s.Text).ShouldBe(["Quiet but confident.", "Clear speech, poorly decoded."]);
        filtered.LowConfidence.ShouldBe(2);
    }

    [Fact]
    public void ASegmentThatIsOnlyALoopIsDropped()
    {
        var loop = string.Join(" ", Enumerable.Repeat("I'm going to go.", 6));

        var filtered = HallucinationFilter.Filter([Segment(0, 2, "Fine."), Segment(2, 20, loop)], []);

        filtered.Segments.ShouldHaveSingleItem().Text.ShouldBe("Fine.");
        filtered.RepetitionLoops.ShouldBe(1);
    }

    [Fact]
    public void ALoopAfterRealTextIsTrimmedToItsFirstRound()
    {
        var text = "We need to leave before dawn. " + string.Join(" ", Enumerable.Repeat("Thank you.", 12));
        var words = text.Split(' ').Select((word, i) => new TranscribedWord(S(i * 0.5), S((i * 0.5) + 0.4), word)).ToList();
        var segment = new TranscribedSegment(S(0), S(words.Count * 0.5), text, words);

        var filtered = HallucinationFilter.Filter([segment], []);

        var kept = filtered.Segments.ShouldHaveSingleItem();
        kept.Text.ShouldBe("We need to leave before dawn. Thank you");
        kept.Words.Select(w => w.Text).ShouldBe(["We", "need", "to", "leave", "before", "dawn.", "Thank", "you."]);
        kept.End.ShouldBe(S(3.9));
        filtered.TrimmedLoops.ShouldBe(1);
        filtered.Dropped.ShouldBe(0);
    }

    [Fact]
    public void AChineseCharacterLoopIsFound()
    {
        var filtered = HallucinationFilter.Filter([Segment(0, 10, "我们走吧我们走吧我们走吧我们走吧我们走吧")], []);

        filtered.RepetitionLoops.ShouldBe(1);
        filtered.Segments.ShouldBeEmpty();
    }

    [Fact]
    public void ShortRealRepetitionIsNotALoop()
    {
        TranscribedSegment[] segments = [Segment(0, 2, "No, no, no, no!"), Segment(2, 3, "Sorry, sorry."), Segment(3, 5, "哈哈哈哈哈")];

        HallucinationFilter.Filter(segments, []).Segments.Count.ShouldBe(3);
    }

    [Fact]
    public void TheSameTextOverManyConsecutiveSegmentsKeepsOnlyTheFirst()
    {
        TranscribedSegment[] segments =
        [
            Segment(0, 2, "Okay."), Segment(2, 4, "Okay."),
            Segment(4, 6, "I love you."), Segment(6, 8, "I love you"), Segment(8, 10, "i love you!"), Segment(10, 12, "I love you."),
            Segment(12, 14, "Goodbye."),
        ];

        var filtered = HallucinationFilter.Filter(segments, []);

        filtered.Segments.Select(s => s.Text).ShouldBe(["Okay.", "Okay.", "I love you.", "Goodbye."]);
        filtered.RepetitionLoops.ShouldBe(3);
    }

    [Fact]
    public void EveryReasonIsCountedSeparately()
    {
        TranscribedSegment[] segments =
        [
            Segment(0, 1, "  "),
            Segment(1, 2, "Thanks for watching."),
            Segment(2, 3, "Maybe.", noSpeech: 0.8, logProbability: -2),
            Segment(40, 42, "Nobody said this."),
            Segment(50, 60, string.Join(' ', Enumerable.Repeat("la la", 10))),
            Segment(60, 62, "The real line."),
        ];

        var filtered = HallucinationFilter.Filter(segments, [new SilenceSpan(S(39), S(45))]);

        (filtered.Empty, filtered.KnownFillers, filtered.LowConfidence, filtered.OverSilence, filtered.RepetitionLoops)
            .ShouldBe((1, 1, 1, 1, 1));
        filtered.Dropped.ShouldBe(5);
        filtered.Segments.ShouldHaveSingleItem().Text.ShouldBe("The real line.");
    }
}

using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Cues;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Speech.Cues;

public sealed class CueSegmenterTests
{
    private static readonly CueSegmenterOptions Options = new();

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>A segment whose words follow each other every <paramref name="perWord"/> seconds; "|" marks a pause of a second.</summary>
    private static TranscribedSegment Timed(string text, double start, double perWord = 0.3)
    {
        var words = new List<TranscribedWord>();
        var at = start;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "|")
            {
                at += 1;
                continue;
            }

            words.Add(new TranscribedWord(S(at), S(at + perWord - 0.05), word));
            at += perWord;
        }

        return new TranscribedSegment(S(start), S(at), string.Join(' ', words.Select(w => w.Text)), words);
    }

    private static string[] Lines(SubtitleCue cue) => cue.Text.Split('\n');

    private static void ShouldNotOverlap(List<SubtitleCue> cues) =>
        cues.Zip(cues.Skip(1)).ShouldAllBe(pair => pair.First.End <= pair.Second.Start && pair.First.Start < pair.First.End);

    [Fact]
    public void AShortSegmentIsOneCueShownAtLeastOneSecond()
    {
        var cues = CueSegmenter.Segment([Timed("Hi there.", 5, 0.2)], "en", Options);

        var cue = cues.ShouldHaveSingleItem();
        cue.Text.ShouldBe("Hi there.");
        cue.Start.ShouldBe(S(5));
        cue.End.ShouldBe(S(6));
    }

    [Fact]
    public void ALongSegmentBecomesCuesOfAtMostTwoLinesOf42WithEveryWordWhole()
    {
        var text = "When the rain finally stopped we walked down to the harbour and counted the boats that had come back " +
            "from the storm while the old men on the pier argued about which of the captains had been the bravest of them all";
        var segment = Timed(text, 0, 0.25);

        var cues = CueSegmenter.Segment([segment], "en", Options);

        cues.Count.ShouldBeGreaterThan(1);
        cues.ShouldAllBe(cue => Lines(cue).Length <= 2 && Lines(cue).All(line => line.Length <= 42));
        string.Join(' ', cues.Select(cue => cue.Text.Replace('\n', ' '))).ShouldBe(text);
        ShouldNotOverlap(cues);
    }

    [Fact]
    public void ACueIsCutWhereASentenceEnds()
    {
        var segment = Timed("I told you already, and I will not say it again. We are not going to the party tonight, it is late.", 0, 0.25);

        var cues = CueSegmenter.Segment([segment], "en", Options);

        cues.Select(cue => cue.Text.Replace('\n', ' ')).ShouldBe(
            ["I told you already, and I will not say it again.", "We are not going to the party tonight, it is late."]);
        cues[0].End.ShouldBeLessThanOrEqualTo(cues[1].Start);
    }

    [Fact]
    public void WithoutASentenceEndACommaIsPreferredToAPlainGap()
    {
        var segment = Timed("Everybody in the village knew the story of the miller and his daughter, but nobody had ever dared to tell it to the new priest", 0, 0.25);

        var cues = CueSegmenter.Segment([segment], "en", Options);

        cues.Count.ShouldBe(2);
        cues[0].Text.Replace('\n', ' ').ShouldEndWith("daughter,");
    }

    [Fact]
    public void WithoutPunctuationAPauseIsPreferred()
    {
        var segment = Timed("so we took the long road over the hills and the car kept making that noise | the whole way to the coast and back again", 0, 0.25);

        var cues = CueSegmenter.Segment([segment], "en", Options);

        cues.Count.ShouldBe(2);
        cues[0].Text.Replace('\n', ' ').ShouldEndWith("noise");
        cues[1].Start.ShouldBe(segment.Words.First(w => w.Text == "the" && w.Start > S(4.5)).Start);
    }

    [Fact]
    public void SlowSpeechIsCutSoNoCueStaysMoreThanSevenSeconds()
    {
        var segment = Timed("We waited and waited for the train but it never came at all that night", 0, 1.2);

        var cues = CueSegmenter.Segment([segment], "en", Options);

        cues.Count.ShouldBeGreaterThan(2);
        cues.ShouldAllBe(cue => cue.End - cue.Start <= S(7));
        ShouldNotOverlap(cues);
    }

    [Fact]
    public void FastSpeechIsLengthenedIntoTheFollowingGapForReading()
    {
        TranscribedSegment[] segments = [Timed("Honestly I have absolutely no idea what you mean.", 0, 0.1), Timed("Okay.", 10, 0.3)];

        var cues = CueSegmenter.Segment(segments, "en", Options);

        // Two lines of 48 characters (the break replaces a space) at 17 a second need 2.82 s; the speech took 0.9 s.
        cues[0].Text.Replace("\n", "").Length.ShouldBe(48);
        (cues[0].End - cues[0].Start).TotalSeconds.ShouldBe(48 / 17.0, 0.001);
    }

    [Fact]
    public void LengtheningStopsShortOfTheNextCue()
    {
        TranscribedSegment[] segments = [Timed("Honestly I have absolutely no idea what you mean.", 0, 0.1), Timed("Okay.", 1.5, 0.3)];

        var cues = CueSegmenter.Segment(segments, "en", Options);

        cues[0].End.ShouldBe(S(1.5) - Options.MinGap);
        cues[1].Start.ShouldBe(S(1.5));
    }

    [Fact]
    public void OverlappingSegmentsNeverGiveOverlappingCues()
    {
        TranscribedSegment[] segments =
        [
            new(S(0), S(3), "First thing.", []),
            new(S(2.5), S(5), "Second thing.", []),
            new(S(2.5), S(4), "Said at once.", []),
            new(S(4.9), S(4.95), "Tiny.", []),
        ];

        var cues = CueSegmenter.Segment(segments, "en", Options);

        cues.Count.ShouldBe(4);
        ShouldNotOverlap(cues);
    }

    [Fact]
    public void AVeryLongSingleWordCueIsCappedAtSevenSeconds()
    {
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(12), "Hmmmm.", [])], "en", Options);

        cues.ShouldHaveSingleItem().End.ShouldBe(S(7));
    }

    [Fact]
    public void ChineseWithoutSpacesIsSplitBetweenCharactersWithinEighteenPerLine()
    {
        var text = "我们昨天晚上在河边散步的时候看见了一只很大的白色的鸟，它一直在水面上飞来飞去。后来天黑了，我们才慢慢地走回家去吃晚饭。";
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(12), text, [])], "zh", Options);

        cues.Count.ShouldBeGreaterThan(1);
        cues.ShouldAllBe(cue => Lines(cue).Length <= 2 && Lines(cue).All(line => line.Length <= 18));
        string.Concat(cues.Select(cue => cue.Text.Replace("\n", ""))).ShouldBe(text);
        cues.ShouldAllBe(cue => !"，。".Contains(cue.Text[0]));
        ShouldNotOverlap(cues);
    }

    [Fact]
    public void ChineseIsShownSlowerThanLatinText()
    {
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(1), "我不知道你在说什么。", [])], "zh", Options);

        // 10 characters at 9 a second.
        (cues.ShouldHaveSingleItem().End - cues[0].Start).TotalSeconds.ShouldBe(10 / 9.0, 0.001);
    }

    [Fact]
    public void ASegmentWithoutWordTimesIsTimedByItsCharacters()
    {
        var text = "The first half of this segment is exactly this long. And the second half of it is just as long as that.";
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(10), S(20), text, [])], "en", Options);

        cues.Count.ShouldBe(2);
        var share = (double)"The first half of this segment is exactly this long.".Length / text.Replace(" ", "").Length;
        cues[1].Start.TotalSeconds.ShouldBe(10 + (10 * (share - (9.0 / text.Replace(" ", "").Length))), 0.01);
        cues[0].End.ShouldBeLessThanOrEqualTo(cues[1].Start);
    }

    [Fact]
    public void TwoLinesAreBalanced()
    {
        var cues = CueSegmenter.Segment([Timed("I never thought that I would see this place again after all these years", 0, 0.2)], "en", Options);

        var lines = Lines(cues.ShouldHaveSingleItem());
        lines.Length.ShouldBe(2);
        Math.Abs(lines[0].Length - lines[1].Length).ShouldBeLessThan(8);
    }

    [Fact]
    public void WhisperTokensWithoutALeadingSpaceContinueTheWordBeforeThem()
    {
        TranscribedWord[] words =
        [
            new(S(0), S(0.2), " Un"), new(S(0.2), S(0.4), "belie"), new(S(0.4), S(0.6), "vable"), new(S(0.6), S(0.7), "!"),
            new(S(0.8), S(1.0), " Really"), new(S(1.0), S(1.1), "?"),
        ];

        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(1.1), " Unbelievable! Really?", words)], "en", Options);

        cues.ShouldHaveSingleItem().Text.ShouldBe("Unbelievable! Really?");
    }

    [Fact]
    public void KoreanKeepsItsSpacesAndBreaksOnlyBetweenWords()
    {
        var text = "어제 저녁에 우리는 강가를 따라 오랫동안 걸으면서 많은 이야기를 나누었고 아주 즐거운 시간을 보냈습니다 정말로";
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(9), text, [])], "ko", Options);

        string.Join(' ', cues.Select(cue => cue.Text.Replace('\n', ' '))).ShouldBe(text);
        cues.ShouldAllBe(cue => Lines(cue).All(line => line.Length <= 18));
    }

    [Fact]
    public void WithoutALanguageTheScriptIsTakenFromTheText()
    {
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(1), "我不知道你在说什么。", [])], null, Options);

        (cues.ShouldHaveSingleItem().End - cues[0].Start).TotalSeconds.ShouldBe(10 / 9.0, 0.001);
    }

    [Fact]
    public void EmptySegmentsGiveNoCues()
    {
        CueSegmenter.Segment([new TranscribedSegment(S(0), S(1), "   ", [])], "en", Options).ShouldBeEmpty();
    }

    [Fact]
    public void ThaiIsBrokenOnlyAtTheSpacesBetweenItsPhrases()
    {
        var text = "เมื่อวานนี้เราไปเดินเล่นที่ริมแม่น้ำ แล้วก็เห็นนกสีขาวตัวใหญ่มาก มันบินไปบินมาอยู่เหนือน้ำ จนกระทั่งฟ้ามืด เราจึงเดินกลับบ้าน";
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(12), text, [])], "th", Options);

        string.Join(' ', cues.Select(cue => cue.Text.Replace('\n', ' '))).ShouldBe(text);
        cues.ShouldAllBe(cue => Lines(cue).Length <= 2);
        var phrases = text.Split(' ');
        cues.SelectMany(Lines).SelectMany(line => line.Split(' ')).ShouldAllBe(piece => phrases.Contains(piece));
        cues.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void ArabicLinesStayWithinFortyTwoCharacters()
    {
        var text = "ذهبنا أمس إلى شاطئ النهر ومشينا هناك طويلا ورأينا طائرا أبيض كبيرا يطير فوق الماء حتى حل الظلام فعدنا إلى البيت";
        var cues = CueSegmenter.Segment([new TranscribedSegment(S(0), S(10), text, [])], "ar", Options);

        string.Join(' ', cues.Select(cue => cue.Text.Replace('\n', ' '))).ShouldBe(text);
        cues.SelectMany(Lines).ShouldAllBe(line => line.Length <= 42);
        cues.ShouldAllBe(cue => Lines(cue).Length <= 2);
    }
}

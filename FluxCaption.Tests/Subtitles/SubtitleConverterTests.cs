using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SubtitleConverterTests
{
    private static SubtitleDocument Srt(string text) => SubtitleParser.Parse(text, SubtitleFormat.Srt);

    private static SubtitleDocument Ass(string events) => SubtitleParser.Parse(
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + events,
        SubtitleFormat.Ass);

    [Fact]
    public void SrtItalicsAndLineBreaksBecomeAssOverridesInAScriptWithADefaultStyle()
    {
        var source = Srt("1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> there,\n<b>friend</b> & co\n");

        var ass = SubtitleConverter.Convert(source, SubtitleFormat.Ass);

        ass.Format.ShouldBe(SubtitleFormat.Ass);
        var cue = ass.Cues.ShouldHaveSingleItem();
        cue.Text.ShouldBe(@"{\i1}Hello{\i0} there,\N{\b1}friend{\b0} & co");
        cue.Ass!.Style.ShouldBe("Default");
        var written = SubtitleWriter.Write(ass);
        written.ShouldContain("[V4+ Styles]");
        written.ShouldContain("Style: Default,");
        written.ShouldContain(@"Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\i1}Hello{\i0} there,\N{\b1}friend{\b0} & co");
        SubtitleParser.Parse(written, SubtitleFormat.Ass).Cues.Count.ShouldBe(1);
    }

    [Fact]
    public void AssOverridesBecomeSrtTagsAndTopAlignmentStaysAsAnOverrideAtTheStart()
    {
        var source = Ass("Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\an8\\i1}Top{\\i0} line\\Nsecond{\\bord2} line\\hend\n");

        var srt = SubtitleConverter.Convert(source, SubtitleFormat.Srt);

        var cue = srt.Cues.ShouldHaveSingleItem();
        cue.Text.ShouldBe("{\\an8}<i>Top</i> line\nsecond line\u00A0end");
        cue.Identifier.ShouldBe("1");
        SubtitleWriter.Write(srt).ShouldBe("1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<i>Top</i> line\nsecond line\u00A0end\n");
    }

    [Fact]
    public void TopAlignmentBecomesLineZeroInWebVttAndComesBackAsAnEight()
    {
        var source = Ass("Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\an7}Sign\n");

        var vtt = SubtitleConverter.Convert(source, SubtitleFormat.WebVtt);
        var back = SubtitleConverter.Convert(vtt, SubtitleFormat.Ass);

        vtt.Cues[0].Settings.ShouldBe("line:0 align:left");
        vtt.Cues[0].Text.ShouldBe("Sign");
        back.Cues[0].Text.ShouldBe("{\\an7}Sign");
    }

    [Fact]
    public void CommentsAndDrawingsAreNotEmittedToSrtAndEventsComeInTimeOrder()
    {
        var source = Ass(
            "Comment: 0,0:00:00.00,0:00:05.00,Default,,0,0,0,,OP START\n" +
            "Dialogue: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,Later\n" +
            "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100{\\p0}\n" +
            "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,Earlier\n");

        var srt = SubtitleConverter.Convert(source, SubtitleFormat.Srt);

        srt.Cues.Select(cue => cue.Text).ShouldBe(["Earlier", "Later"]);
        srt.Cues.Select(cue => cue.Identifier).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void WebVttVoiceSpansBecomePlainTextWithTheSpeakerInTheAssNameField()
    {
        var source = SubtitleParser.Parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Roger Bingham>We are in <i>New York</i> &amp; more</v>\n", SubtitleFormat.WebVtt);

        var ass = SubtitleConverter.Convert(source, SubtitleFormat.Ass);
        var srt = SubtitleConverter.Convert(source, SubtitleFormat.Srt);

        ass.Cues[0].Ass!.Name.ShouldBe("Roger Bingham");
        ass.Cues[0].Text.ShouldBe(@"We are in {\i1}New York{\i0} & more");
        srt.Cues[0].Text.ShouldBe("We are in <i>New York</i> & more");
    }

    [Fact]
    public void SrtTextIsEscapedForWebVttAndRubyAnnotationsAreDroppedFromSrt()
    {
        var srt = Srt("1\n00:00:01,000 --> 00:00:02,000\nFish & <i>chips</i> < 5\n");
        var vttSource = SubtitleParser.Parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<ruby>漢<rt>かん</rt></ruby>字\n", SubtitleFormat.WebVtt);

        SubtitleConverter.Convert(srt, SubtitleFormat.WebVtt).Cues[0].Text.ShouldBe("Fish &amp; <i>chips</i> &lt; 5");
        SubtitleConverter.Convert(vttSource, SubtitleFormat.Srt).Cues[0].Text.ShouldBe("漢字");
    }

    [Fact]
    public void ConvertingAssToSsaRewritesNumpadAlignmentInTheLegacyForm()
    {
        var source = Ass("Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\an8}Top {\\pos(10,20)}here\n");

        var ssa = SubtitleConverter.Convert(source, SubtitleFormat.Ssa);

        ssa.Cues[0].Text.ShouldBe("{\\a6}Top {\\pos(10,20)}here");
        ssa.Cues[0].Ass!.Layer.ShouldBe("Marked=0");
        var written = SubtitleWriter.Write(ssa);
        written.ShouldContain("[V4 Styles]");
        written.ShouldContain("Dialogue: Marked=0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\a6}Top {\\pos(10,20)}here");
        SubtitleParser.Parse(written, SubtitleFormat.Ssa).Format.ShouldBe(SubtitleFormat.Ssa);
    }

    [Fact]
    public void ConvertingToTheSameFormatGivesAnIndependentCopy()
    {
        var source = Srt("1\n00:00:01,000 --> 00:00:02,000\nHi\n");

        var copy = SubtitleConverter.Convert(source, SubtitleFormat.Srt);
        copy.Cues[0].Text = "Changed";

        source.Cues[0].Text.ShouldBe("Hi");
    }

    [Theory]
    [InlineData("srt/ada-zangemann-en.srt")]
    [InlineData("srt/pysrt-capability-tester.srt")]
    [InlineData("vtt/vttjs-spec-example.vtt")]
    [InlineData("vtt/exo-with-positioning.vtt")]
    [InlineData("ass/exo-ssa-overlapping-timecodes.ass")]
    [InlineData("ssa/astisub-example-in.ssa")]
    public void ConvertingThroughEveryFormatKeepsCueCountAndTimings(string path)
    {
        var source = CorpusFiles.Load(path);
        // ASS/SSA hold centiseconds, so every time passed through them is rounded to 10 ms.
        static TimeSpan Centiseconds(TimeSpan time) => TimeSpan.FromMilliseconds(Math.Round(time.TotalMilliseconds / 10, MidpointRounding.AwayFromZero) * 10);
        var expected = source.Cues.Where(cue => !cue.IsComment).Select(cue => (Centiseconds(cue.Start), Centiseconds(cue.End))).Order().ToList();

        foreach (var target in new[] { SubtitleFormat.Ass, SubtitleFormat.WebVtt, SubtitleFormat.Srt, SubtitleFormat.Ssa, SubtitleFormat.WebVtt })
        {
            var converted = SubtitleConverter.Convert(source, target);
            var reread = SubtitleParser.Parse(SubtitleWriter.Write(converted), target);

            reread.Format.ShouldBe(target);
            reread.Cues.Select(cue => (cue.Start, cue.End)).Order().ToList().ShouldBe(expected, $"{path} as {target}");
            source = reread;
        }
    }

    [Fact]
    public void ItalicsSurviveARoundTripThroughAssAndWebVtt()
    {
        var source = CorpusFiles.Load("srt/ums-czech-cp1250.srt");
        var italic = source.Cues.Count(cue => cue.Text.Contains("<i>"));

        var back = SubtitleConverter.Convert(
            SubtitleConverter.Convert(SubtitleConverter.Convert(source, SubtitleFormat.Ass), SubtitleFormat.WebVtt),
            SubtitleFormat.Srt);

        italic.ShouldBeGreaterThan(0);
        back.Cues.Count(cue => cue.Text.Contains("<i>") && cue.Text.Contains("</i>")).ShouldBe(italic);
        back.Cues[0].Text.ShouldBe("<i>MovieZone.cz</i>");
    }
}

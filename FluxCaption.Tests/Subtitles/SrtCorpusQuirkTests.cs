using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SrtCorpusQuirkTests
{
    [Fact]
    public void OnlyTheTwoWellFormedCuesOfTheMissingTimecodeFileSurviveAsInExoPlayer()
    {
        var document = CorpusFiles.Load("srt/exo-typical-missing-timecode.srt");

        document.Cues.Select(cue => cue.Text).ShouldBe(["This is the first subtitle.", "This is the third subtitle."]);
        document.Cues[1].Start.ShouldBe(new TimeSpan(0, 2, 0, 4, 567));
        document.Cues[1].End.ShouldBe(new TimeSpan(0, 2, 0, 8, 901));
        document.Warnings.Select(warning => warning.Line).ShouldBe([5, 14, 18]);
        document.Warnings[1].Message.ShouldContain("is not a valid SRT timing");
        document.Warnings.ShouldAllBe(warning => warning.Outcome == SubtitleParseOutcome.KeptVerbatim);
        SubtitleWriter.Write(document).ShouldBe(CorpusFiles.Text("srt/exo-typical-missing-timecode.srt"));
    }

    [Fact]
    public void AFileEndingInABareCueNumberKeepsItsTwoCues()
    {
        var document = CorpusFiles.Load("srt/exo-typical-unexpected-end.srt");

        document.Cues.Count.ShouldBe(2);
        document.Cues[1].Text.ShouldBe("This is the second subtitle.\\nSecond subtitle with second line.".Replace("\\n", "\n", StringComparison.Ordinal));
        document.Warnings.ShouldHaveSingleItem().Line.ShouldBe(10);
    }

    [Fact]
    public void AFileWithoutNumbersAndWithMixedSeparatorsParsesAsInGoAstisub()
    {
        var document = CorpusFiles.Load("srt/astisub-missing-sequence.srt");

        document.Cues.Count.ShouldBe(6);
        document.Cues.ShouldAllBe(cue => cue.Identifier == null);
        document.Cues[0].Start.ShouldBe(TimeSpan.FromSeconds(99));
        document.Cues[0].End.ShouldBe(TimeSpan.FromMilliseconds(101_040));
        document.Cues[2].Start.ShouldBe(TimeSpan.FromMilliseconds(132_160));
        document.Cues[1].Settings.ShouldBe("X1:40 X2:600 Y1:20 Y2:50");
        document.Cues[1].Text.ShouldBe("MAN:\nHow did we end up here?");
    }

    [Fact]
    public void BlankLinesInsideACueStayInThatCue()
    {
        var document = CorpusFiles.Load("srt/jellyfin-blank-lines-in-cue.srt");

        document.Cues.Select(cue => cue.Identifier).ShouldBe(["311", "312"]);
        document.Cues[0].Text.ShouldBe("Una vez que la gente se entere\n\nde que ustedes están aquí,");
        document.Cues[1].Text.ShouldBe("este lugar se convertirá\n\nen un maldito zoológico.");
    }

    [Fact]
    public void ThreeDigitSecondsAreReadByValueAndOverrideTagsStayInTheText()
    {
        var document = CorpusFiles.Load("srt/exo-typical-with-tags.srt");

        document.Cues.Count.ShouldBe(14);
        document.Cues[4].Start.ShouldBe(TimeSpan.FromMilliseconds(13_567));
        document.Cues[4].Text.ShouldBe(@"This {\an2} is the fifth subtitle with multiple {\xyz} valid {\qwe} tags.");
        document.Cues[3].Text.ShouldBe(@"This { \an2} is not a valid tag due to the space after the opening bracket.");
        document.Warnings.ShouldAllBe(warning => warning.Message.Contains("not in the form hh:mm:ss,mmm"));
    }

    [Fact]
    public void AnEditedTimeIsWrittenInTheCanonicalFormWhileUntouchedOddTimesStayAsWritten()
    {
        var document = CorpusFiles.Load("srt/exo-typical-with-tags.srt");
        document.Cues[4].Start = TimeSpan.FromMilliseconds(13_600);

        var written = SubtitleWriter.Write(document);

        written.ShouldContain("00:00:13,600 --> 00:00:14,901");
        written.ShouldContain("00:00:015,567 --> 00:00:15,901");
    }

    [Fact]
    public void DuplicateAndPaddedNumbersOfTheBig5FileAreKeptAsWritten()
    {
        var document = CorpusFiles.Load("srt/ums-chinese-big5.srt");

        document.Cues.Count.ShouldBe(50);
        document.Cues.Take(4).Select(cue => cue.Identifier).ShouldBe(["0", " 0", "0", "1"]);
        document.Cues[4].Text.ShouldBe("切斷和你們代理機器人的連接 \n照照鏡子好好看看自己!!");
        document.NewLine.ShouldBe("\r\n");
    }

    [Fact]
    public void NonSequentialNumbersAndDoubleSpacesOfTheGb2312FileAreKept()
    {
        var document = CorpusFiles.Load("srt/srt-gb2312.srt");

        document.Cues.Select(cue => cue.Identifier).ShouldBe(["2", "4", "6"]);
        document.Cues[0].Text.ShouldBe("宇宙守护神  保护我们远离邪恶");
    }

    [Fact]
    public void TheCapabilityTesterKeepsZeroDurationCuesNestedTagsAndTrailingSpaces()
    {
        var document = CorpusFiles.Load("srt/pysrt-capability-tester.srt");

        document.Cues.Count.ShouldBe(37);
        document.Cues[0].Start.ShouldBe(TimeSpan.Zero);
        document.Cues[0].End.ShouldBe(TimeSpan.Zero);
        document.Cues[4].Text.ShouldContain("<font size=30><b><i><u>This text should be bold, italics and underline</u></i></b></font>");
        document.Cues[4].Text.ShouldContain("日本語");
        document.NewLine.ShouldBe("\r\n");
    }

    [Fact]
    public void HtmlEntitiesStayAsWrittenInTheCueText()
    {
        var document = CorpusFiles.Load("srt/astisub-html-entities.srt");

        document.Cues.Count.ShouldBe(3);
        string.Concat(document.Cues.Select(cue => cue.Text)).ShouldContain("&nbsp;");
        string.Concat(document.Cues.Select(cue => cue.Text)).ShouldContain("&amp;");
    }

    [Fact]
    public void TheUtf16PersianFileWithAOneDigitSecondsFieldIsReadWithAWarning()
    {
        var document = CorpusFiles.Load("srt/mantas-utf16le-persian.srt");

        var cue = document.Cues.ShouldHaveSingleItem();
        cue.Start.ShouldBe(TimeSpan.Zero);
        cue.End.ShouldBe(TimeSpan.FromSeconds(1));
        cue.Text.ShouldBe("ترجمه و تنظيم زيرنويس");
        document.Warnings.ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Fact]
    public void TheLongFilmFileReadsAllItsCuesWithTheirLongLines()
    {
        var document = CorpusFiles.Load("srt/ada-zangemann-en.srt");

        document.Cues.Count.ShouldBe(670);
        // The source numbers cue 469 as "460" (a typo upstream); numbers are kept as written.
        document.Cues[468].Identifier.ShouldBe("460");
        document.Cues.Where((_, index) => index != 468).Select(cue => cue.Identifier)
            .SequenceEqual(Enumerable.Range(1, 670).Where(number => number != 469).Select(number => $"{number}"))
            .ShouldBeTrue();
        document.Cues.ShouldContain(cue => cue.Text == "Ada and Zangemann: a tale of software, skateboards, and raspberry ice cream.");
        document.Cues.ShouldAllBe(cue => cue.End >= cue.Start);
    }
}

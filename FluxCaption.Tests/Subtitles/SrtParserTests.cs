using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SrtParserTests
{
    [Fact]
    public void AFileWhoseOnlyTimingIsBrokenFailsNamingTheLineAndTheTiming()
    {
        var text = "1\n00:00:0x,000 --> 00:00:02,000\nHello\n";

        var error = Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse(text, SubtitleFormat.Srt));

        error.Line.ShouldBe(2);
        error.Message.ShouldContain("line 2:");
        error.Message.ShouldContain("'00:00:0x,000 --> 00:00:02,000' is not a valid SRT timing");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void EmptyTextIsAFormatError(string text)
    {
        Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse(text, SubtitleFormat.Srt))
            .Message.ShouldContain("empty");
    }

    [Fact]
    public void TextWithoutAnyTimingIsAFormatError()
    {
        Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse("just some words\nand more\n", SubtitleFormat.Srt))
            .Message.ShouldContain("no valid SRT cue");
    }

    [Fact]
    public void ACueNumberAndTimingRightAfterTextStartANewCue()
    {
        var text = "1\n00:00:01,000 --> 00:00:02,000\nFirst\n2\n00:00:03,000 --> 00:00:04,000\nSecond\n";

        var document = SubtitleParser.Parse(text, SubtitleFormat.Srt);

        document.Cues.Select(cue => cue.Text).ShouldBe(["First", "Second"]);
        document.Cues[1].Identifier.ShouldBe("2");
    }

    [Fact]
    public void DotFractionsAndTwoDigitFractionsAreReadAsDecimals()
    {
        var document = SubtitleParser.Parse("1\n00:00:01.5 --> 00:00:02,04\nHi\n", SubtitleFormat.Srt);

        document.Cues[0].Start.ShouldBe(TimeSpan.FromMilliseconds(1500));
        document.Cues[0].End.ShouldBe(TimeSpan.FromMilliseconds(2040));
        document.Warnings.ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Fact]
    public void CrLfEndingsAndAMissingFinalNewlineAreReproduced()
    {
        var text = "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hello</i>\r\nworld\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye";

        var document = SubtitleParser.Parse(text, SubtitleFormat.Srt);

        document.NewLine.ShouldBe("\r\n");
        document.EndsWithNewLine.ShouldBeFalse();
        document.Cues[0].Text.ShouldBe("<i>Hello</i>\nworld");
        SubtitleWriter.Write(document).ShouldBe(text);
    }

    [Fact]
    public void CuesWithoutNumbersAreNumberedByPositionWhenWritten()
    {
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.Srt,
            Cues =
            [
                new SubtitleCue { Start = TimeSpan.FromSeconds(1), End = TimeSpan.FromSeconds(2), Text = "One" },
                new SubtitleCue { Start = TimeSpan.FromSeconds(3), End = TimeSpan.FromMilliseconds(4250), Text = "Two\nlines" },
            ],
        };

        SubtitleWriter.Write(document).ShouldBe("1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,250\nTwo\nlines\n");
    }

    [Fact]
    public void HoursBeyondNinetyNineAreWrittenInFull()
    {
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.Srt,
            Cues = [new SubtitleCue { Start = TimeSpan.FromHours(100), End = TimeSpan.FromHours(100.5), Text = "Late" }],
        };

        SubtitleWriter.Write(document).ShouldContain("100:00:00,000 --> 100:30:00,000");
    }

    [Fact]
    public void OddTimesKeptForAnSrtRoundTripAreNotCarriedIntoWebVtt()
    {
        var document = SubtitleParser.Parse("00:01:39 --> 00:01:41,04\nHi\n", SubtitleFormat.Srt);
        SubtitleWriter.Write(document).ShouldBe("1\n00:01:39 --> 00:01:41,04\nHi\n");

        document.Format = SubtitleFormat.WebVtt;

        SubtitleWriter.Write(document).ShouldBe("WEBVTT\n\n00:01:39.000 --> 00:01:41.040\nHi\n");
    }
}

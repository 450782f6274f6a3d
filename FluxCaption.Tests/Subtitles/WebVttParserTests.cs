using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class WebVttParserTests
{
    [Theory]
    [InlineData("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nHi\n")]
    public void TextWithoutTheWebVttSignatureFailsOnLineOne(string text)
    {
        var error = Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse(text, SubtitleFormat.WebVtt));

        error.Line.ShouldBe(1);
        error.Message.ShouldContain("WEBVTT");
    }

    [Fact]
    public void ASignatureWithoutCuesIsAFormatError()
    {
        Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse("WEBVTT\n\nNOTE nothing here\n", SubtitleFormat.WebVtt))
            .Message.ShouldContain("no WebVTT cue");
    }

    [Fact]
    public void CrLfFileWithIdsSettingsAndNotesRoundTripsByteForByte()
    {
        var text = "WEBVTT\r\nKind: captions\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\nintro\r\n00:00:01.000 --> 00:00:02.500 line:0 align:start\r\n<v Anna>Hi</v>\r\n\r\nNOTE between\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nBye\r\n";

        var document = SubtitleParser.Parse(text, SubtitleFormat.WebVtt);

        document.Cues[0].Identifier.ShouldBe("intro");
        document.Cues[0].Settings.ShouldBe("line:0 align:start");
        document.Cues[1].Start.ShouldBe(TimeSpan.FromHours(1));
        document.Cues[1].BlocksBefore!.ShouldHaveSingleItem().ShouldBe(["NOTE between"]);
        SubtitleWriter.Write(document).ShouldBe(text);
    }

    [Fact]
    public void ABlankLineCannotBeWrittenInsideACue()
    {
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.WebVtt,
            Cues = [new SubtitleCue { Start = TimeSpan.Zero, End = TimeSpan.FromSeconds(1), Text = "one\n\ntwo" }],
        };

        SubtitleWriter.Write(document).ShouldBe("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\none\ntwo\n");
    }
}

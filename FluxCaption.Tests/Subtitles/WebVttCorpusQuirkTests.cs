using System.Text.RegularExpressions;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class WebVttCorpusQuirkTests
{
    [Fact]
    public void TheAcidTestHasExactlyOneInvalidCueTheMalformedFourteenth()
    {
        var document = CorpusFiles.Load("vtt/node-webvtt-acid.vtt");

        var invalid = document.Warnings.Where(warning => warning.Message.Contains("is not a valid WebVTT timing")).ToList();
        invalid.ShouldHaveSingleItem().Line.ShouldBe(62);
        invalid[0].Message.ShouldContain("MALFORMEDCUE -->");
        document.Cues.Take(14).Select(cue => cue.Identifier).ShouldBe(Enumerable.Range(1, 14).Select(number => $"{number}"));
        document.Cues[14].Identifier.ShouldBe("15");
    }

    [Fact]
    public void TheAcidTestKeepsLegacySettingsTimestampTagsAndRubyAsWritten()
    {
        var document = CorpusFiles.Load("vtt/node-webvtt-acid.vtt");

        document.Cues.Single(cue => cue.Identifier == "16").Settings.ShouldBe("A:start");
        document.Cues[5].Text.ShouldStartWith("<00:00:35.000>This <00:00:36.000>text");
        document.Cues.ShouldContain(cue => cue.Text.Contains("<ruby>") && cue.Text.Contains("<rt>"));
        document.Cues.ShouldContain(cue => cue.Text.Contains("だらり帯の結び方"));
    }

    [Fact]
    public void HoursOfTwentyFourAndMoreAndShortTimestampsAreRead()
    {
        var document = CorpusFiles.Load("vtt/alexpoint-greater-than-24h.vtt");

        document.Cues[0].Start.ShouldBe(TimeSpan.FromSeconds(1));
        document.Cues[2].End.ShouldBe(new TimeSpan(0, 23, 59, 59, 999));
        document.Cues[3].Start.ShouldBe(TimeSpan.FromHours(24));
        document.Cues[3].End.ShouldBe(TimeSpan.FromHours(55));
        document.EndsWithNewLine.ShouldBeFalse();
        SubtitleWriter.Write(document).ShouldContain("00:01.000 --> 00:04.000");
    }

    [Fact]
    public void ATimingLineDirectlyAfterCueTextStartsTheNextCueAsInWebvttPy()
    {
        var document = CorpusFiles.Load("vtt/webvttpy-youtube-dl.vtt");

        document.Cues.Count.ShouldBe(4);
        document.WebVtt!.HeaderLines.Take(3).ShouldBe(["Kind: captions", "Language: en", "Style:"]);
        document.Cues[1].Text.ShouldBe("yeah\n<c.colorCCCCCC>what</c>");
        Regex.Replace(document.Cues[2].Text, "<[^>]*>", "").ShouldBe("this will happen is I'm telling");
        document.Cues[3].Text.ShouldEndWith("\n </c>");
    }

    [Fact]
    public void TextOrphanedFromItsCueByBlankLinesIsKeptButIsNoCue()
    {
        var document = CorpusFiles.Load("vtt/node-webvtt-malformed.vtt");

        var cue = document.Cues.ShouldHaveSingleItem();
        cue.Identifier.ShouldBe("1096");
        cue.Text.ShouldBe("");
        document.WebVtt!.Signature.ShouldBe("WEBVTT FILE");
        document.Warnings.ShouldHaveSingleItem().Line.ShouldBe(8);
        SubtitleWriter.Write(document).ShouldEndWith("...mission.\n");
    }

    [Fact]
    public void HeaderTextStyleRegionAndNoteBlocksAreKeptApartFromTheCues()
    {
        var document = CorpusFiles.Load("vtt/pysubs2-vtt-example.vtt");
        var header = document.WebVtt!;

        header.Signature.ShouldBe("WEBVTT A header with text.");
        header.HeaderLines[0].ShouldBe("X-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0");
        header.Blocks.Count(block => block[0].StartsWith("STYLE")).ShouldBe(5);
        header.Blocks.Count(block => block[0] == "REGION").ShouldBe(2);
        header.Blocks.ShouldContain(block => block[0] == "STYLE ::cue(#id\\ a) {");
        document.Cues.Count.ShouldBe(11);
        document.Cues[0].Identifier.ShouldBe("id a");
        document.Cues.ShouldContain(cue => cue.Identifier == "2 Title Crawl");
        document.Cues.ShouldContain(cue => cue.Text == "" && cue.Start == TimeSpan.FromMilliseconds(36_159));
        document.Cues.ShouldContain(cue => cue.Settings == "vertical:rt line:-1 align:end");
        document.Cues.ShouldContain(cue => cue.BlocksBefore != null && cue.BlocksBefore[0][0] == "NOTE");
    }

    [Fact]
    public void CueSettingsAndTheNoteBeforeEachCueAreKept()
    {
        var document = CorpusFiles.Load("vtt/exo-with-positioning.vtt");

        document.Cues.Count.ShouldBe(8);
        document.Cues[0].Settings.ShouldBe("position:60%,end align:start size:35%");
        document.Cues[1].Settings.ShouldBe("position:10 align:end");
        document.Cues[7].Settings.ShouldBe("position:70%,line-right");
        document.WebVtt!.Blocks.ShouldHaveSingleItem()[0].ShouldBe("NOTE Position with percentage and position alignment");
        document.Cues[1].BlocksBefore!.ShouldHaveSingleItem().ShouldBe(["NOTE Wrong position provided. It should be provided as", "a percentage value"]);
    }

    [Fact]
    public void CarriageReturnEndingsAndAstralPlaneCharactersAreKept()
    {
        var document = CorpusFiles.Load("vtt/exo-with-wide-chars-cr-endings.vtt");

        document.NewLine.ShouldBe("\r");
        document.Cues.ShouldHaveSingleItem().Text.ShouldBe("\U0001F61B\n\U0001F61B");
        document.Cues[0].End.ShouldBe(TimeSpan.FromMilliseconds(1234));
    }

    [Fact]
    public void NonAsciiCueIdsAndVoiceSpansWithClassesAreKept()
    {
        var document = CorpusFiles.Load("vtt/exo-with-css-complex-selectors.vtt");

        document.Cues.Select(cue => cue.Identifier).ShouldBe(["id", "íd", "_id", null, "anId"]);
        document.Cues[3].Text.ShouldContain("<v.class.clazz Strider Trancos>");
        document.WebVtt!.Blocks.Count.ShouldBe(6);
    }

    [Fact]
    public void VoiceSpansAndMojibakeInTheSpecExampleStayAsWritten()
    {
        var document = CorpusFiles.Load("vtt/vttjs-spec-example.vtt");

        document.Cues[0].Text.ShouldBe("<v Roger Bingham>We are in New York City");
        document.Cues.ShouldContain(cue => cue.Text.EndsWith("e-mailed\u00E2\u0080\u0094", StringComparison.Ordinal));
        document.Cues.ShouldContain(cue => cue.Settings == "align:end size:50%");
    }

    [Fact]
    public void TheUtf16FileThatGoAstisubRejectsIsReadWithItsRegionsAndStyles()
    {
        var document = CorpusFiles.Load("vtt/astisub-utf16le.vtt");

        document.Cues.Count.ShouldBe(6);
        document.Cues[0].Settings.ShouldBe("region:bill");
        document.Cues[0].Start.ShouldBe(TimeSpan.FromSeconds(99));
        document.Cues[1].BlocksBefore!.ShouldHaveSingleItem()[0].ShouldBe("NOTE This a comment inside the VTT");
        document.WebVtt!.Blocks.Count(block => block[0] == "STYLE").ShouldBe(2);
        document.Warnings.ShouldContain(warning => warning.Line == 21);
    }
}

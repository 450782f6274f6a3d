using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class AssCorpusQuirkTests
{
    [Fact]
    public void AttachedFontsStayByteExactIncludingDataLinesThatStartWithABracket()
    {
        const string path = "ass/pysubs2-attached-fonts-aegisub.ass";
        var sourceLines = CorpusFiles.Text(path).Split('\n');
        var fontsStart = Array.IndexOf(sourceLines, "[Fonts]");
        var eventsStart = Array.IndexOf(sourceLines, "[Events]");

        var document = CorpusFiles.Load(path);

        var fonts = document.Ass!.Sections.Single(section => section.Name == "Fonts");
        fonts.Lines.ShouldBe(sourceLines[(fontsStart + 1)..eventsStart]);
        fonts.Lines.ShouldContain(line => line.StartsWith("[9:/?E]G0!I*$Q1"));
        document.Ass.Sections.Select(section => section.Name).ShouldBe(["Script Info", "Aegisub Project Garbage", "V4+ Styles", "Fonts", "Events"]);
        document.Cues.ShouldHaveSingleItem();
    }

    [Fact]
    public void AnAttachedImageSectionBeforeTheEventsIsKeptAndTheEmptyDialogueRead()
    {
        var document = CorpusFiles.Load("ass/pysubs2-attached-images-aegisub.ass");

        var graphics = document.Ass!.Sections.Single(section => section.Name == "Graphics");
        graphics.Lines[0].ShouldBe("filename: github.jpg");
        var cue = document.Cues.ShouldHaveSingleItem();
        cue.Text.ShouldBe("");
        cue.End.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void AMinimalFormatLineWithOutOfOrderEventsKeepsFileOrder()
    {
        var document = CorpusFiles.Load("ass/exo-ssa-overlapping-timecodes.ass");

        document.Ass!.EventFormat.ShouldBe(["Start", "End", "Text"]);
        document.Cues.Count.ShouldBe(7);
        document.Cues[3].Text.ShouldBe("Third subtitle - out of order");
        document.Cues[3].Start.ShouldBe(TimeSpan.FromSeconds(6));
        document.Cues[0].End.ShouldBe(TimeSpan.FromMilliseconds(4230));
    }

    [Fact]
    public void SpacePaddedFormatLinesAndTheNonstandardScriptTypeKeyAreUnderstood()
    {
        var document = CorpusFiles.Load("ass/exo-ssa-style-primary-color.ass");

        document.Format.ShouldBe(SubtitleFormat.Ass);
        document.Cues.Count.ShouldBe(7);
        document.Cues[0].Ass!.Style.ShouldBe("PrimaryColourStyleHexRed");
        document.Cues[6].Ass!.Style.ShouldBe("PrimaryColourInvalid");
        var styles = document.Ass!.Sections.Single(section => section.Name == "V4+ Styles").Lines;
        styles.ShouldContain("Style: PrimaryColourStyleInvalid     ,blue");
        styles.ShouldContain("Style: PrimaryColourStyleDecimalAlpha,2164195328");
        document.Cues[0].Text.ShouldBe("First line in RED (&H000000FF).");
    }

    [Fact]
    public void TheUtf16ScriptKeepsCommentBlocksSoftAndHardBreaksAndCommasInText()
    {
        var document = CorpusFiles.Load("ass/exo-ssa-typical-utf16le.ass");

        document.NewLine.ShouldBe("\r\n");
        document.Cues.Select(cue => cue.Text).ShouldBe(
        [
            "This is the first subtitle{ignored}.",
            @"This is the second subtitle \nwith a newline \Nand another.",
            "This is the third subtitle, with a comma.",
        ]);
        document.Cues[2].Start.ShouldBe(TimeSpan.FromMilliseconds(4560));
        document.Cues[0].Ass!.Name.ShouldBe("Olly");
    }

    [Fact]
    public void CommentEventsAreKeptAsCommentsWithTheirFields()
    {
        var document = CorpusFiles.Load("ass/pyonfx-ass-core.ass");

        var comment = document.Cues[0];
        comment.IsComment.ShouldBeTrue();
        comment.Ass!.Layer.ShouldBe("42");
        comment.Ass.Name.ShouldBe("Test");
        (comment.Ass.MarginL, comment.Ass.MarginR, comment.Ass.MarginV).ShouldBe(("1", "2", "3"));
        comment.Ass.Effect.ShouldBe("Test; Wow");
        document.Cues.Count(cue => !cue.IsComment).ShouldBe(16);
        document.Ass!.Sections.Single(section => section.Name == "V4+ Styles").Lines.Count(line => line.StartsWith("Style:")).ShouldBe(11);
    }

    [Fact]
    public void ABlankLineInsideTheEventsAndTheMissingFinalNewlineSurviveAWriteBack()
    {
        var document = CorpusFiles.Load("ass/mantas-ass-different-format2.ass");

        document.Cues.Count(cue => cue.IsComment).ShouldBe(6);
        document.Ass!.Sections.Select(section => section.Name).ShouldBe(["Script Info", "Aegisub Project Garbage", "V4+ Styles", "Events"]);
        document.Ass.Sections[2].Lines.Count(line => line.StartsWith("Style:")).ShouldBe(11);
        document.EndsWithNewLine.ShouldBeFalse();
        SubtitleWriter.Write(document).ShouldContain("ED END\n\nDialogue: 0,0:02:17.40");
        document.Cues[6].Text.ShouldBe(@"Senator, we're making\Nour final approach into Coruscant.");
    }

    [Fact]
    public void TheRendererTestScriptKeepsItsCommentLayersAndEveryOverrideAsWritten()
    {
        var document = CorpusFiles.Load("ass/aegisub-ass-format-tests.ass");

        document.Cues[0].IsComment.ShouldBeTrue();
        document.Cues.ShouldContain(cue => cue.Ass!.Layer == "1");
        document.Cues.ShouldContain(cue => cue.Text.Contains(@"\p1"));
        document.Cues.ShouldContain(cue => cue.Text.Contains(@"\h"));
    }

    [Fact]
    public void FuriganaKaraokeTextIsReadUntouched()
    {
        var document = CorpusFiles.Load("ass/aegisub-furi-test.ass");

        document.Cues[0].Text.ShouldBe(@"{\k3}振|ふ{\k3}り{\k10}仮|が{\k5}名|な");
        document.Ass!.Sections[0].Lines.ShouldContain(line => line.StartsWith("Audio File:"));
    }

    [Fact]
    public void AnSsaScriptKeepsMarkedFieldsUnknownSectionsAndGarbageLines()
    {
        var document = CorpusFiles.Load("ssa/astisub-example-in.ssa");

        document.Format.ShouldBe(SubtitleFormat.Ssa);
        document.Cues.Count.ShouldBe(6);
        document.Cues[0].Ass!.Layer.ShouldBe("Marked=0");
        document.Cues[0].Ass!.Effect.ShouldBe("test");
        document.Cues[0].Text.ShouldBe(@"{\pos(400,570)}(deep rumbling)");
        document.Cues[2].Ass!.Style.ShouldBe("*3");
        document.Ass!.Sections.Single(section => section.Name == "Unknown").Lines[0].ShouldBe("Unknown");
        document.Ass.Sections.Single(section => section.Name == "V4 Styles").Lines.ShouldContain("Not understood line");
    }

    [Fact]
    public void AnSsaScriptFromSubtitleEditIsReadWithItsStarredStyleAndActor()
    {
        var document = CorpusFiles.Load("ssa/subtitleedit-seconv-test.ssa");

        document.Format.ShouldBe(SubtitleFormat.Ssa);
        document.Cues[0].Ass!.Style.ShouldBe("*Default");
        document.Cues[0].Ass!.Name.ShouldBe("NTP");
        document.Cues[0].Text.ShouldBe("Hello, World!");
    }
}

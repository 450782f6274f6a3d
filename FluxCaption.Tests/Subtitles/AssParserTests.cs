using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class AssParserTests
{
    private const string Header = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";

    [Fact]
    public void AScriptWithoutEventsSectionFailsNamingTheSection()
    {
        Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse("[Script Info]\nTitle: x\n", SubtitleFormat.Ass))
            .Message.ShouldContain("[Events]");
    }

    [Fact]
    public void AnEventWithABrokenTimeIsNoCueAndAWarningOnItsLine()
    {
        var text = Header + "Dialogue: 0,0:00:0x.00,0:00:02.00,Default,,0,0,0,,Broken\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,Fine\n";

        var document = SubtitleParser.Parse(text, SubtitleFormat.Ass);

        document.Cues.ShouldHaveSingleItem().Text.ShouldBe("Fine");
        document.Warnings.ShouldHaveSingleItem().Line.ShouldBe(6);
    }

    [Fact]
    public void AllEventsBrokenIsAFormatErrorWithTheLine()
    {
        var error = Should.Throw<SubtitleFormatException>(() => SubtitleParser.Parse(Header + "Dialogue: 0,nope\n", SubtitleFormat.Ass));

        error.Line.ShouldBe(6);
    }

    [Fact]
    public void ANewEventIsWrittenWithCentisecondTimesAndTheScriptFormat()
    {
        var document = SubtitleParser.Parse(Header + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n", SubtitleFormat.Ass);
        document.Cues.Add(new SubtitleCue
        {
            Start = TimeSpan.FromMilliseconds(3_995),
            End = TimeSpan.FromMinutes(61),
            Text = "{\\i1}New{\\i0}, with a comma",
            Ass = new AssEventFields { Name = "Ann" },
        });

        SubtitleWriter.Write(document).ShouldEndWith("Dialogue: 0,0:00:04.00,1:01:00.00,Default,Ann,0,0,0,,{\\i1}New{\\i0}, with a comma\n");
    }
}

using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

/// <summary>
/// Events and cues whose timing cannot be read are not cues, but they are not lost either: the
/// writer puts them back exactly as written, where they were, and the parser says so.
/// </summary>
public class KeptVerbatimTests
{
    public const string EightEventAss = """
        [Script Info]
        ScriptType: v4.00+

        [V4+ Styles]
        Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment, MarginL, MarginR, MarginV
        Style: Default,Arial,20,&H00FFFFFF,0,0,2,10,10,10

        [Events]
        Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
        Dialogue: 0,,0:00:02.00,Default,,0,0,0,,A blank start before the first good line
        Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,We have to leave now
        Dialogue: 0,0:00:0x.00,0:00:06.00,Default,,0,0,0,,A garbled start time
        Dialogue: 0,0:00:07.00,0:00:08.00,Default,,0,0,0,,Where are my keys
        Dialogue: 0,0:00:09.00,   ,Default,,0,0,0,,A blank end time
        Dialogue: 0,0:00:11.00,0:00:12.00,Default,,0,0,0,,{\i1}Nobody{\i0} saw it coming
        Dialogue: 0,0:00:13.00
        Dialogue: 0,0:00:15.00,0:00:16.00,Default,,0,0,0,,See you tomorrow

        """;

    [Fact]
    public void AnAssScriptWithBrokenEventTimesWritesBackByteForByte()
    {
        var document = SubtitleParser.Parse(EightEventAss, SubtitleFormat.Ass);

        document.Cues.Select(cue => cue.Text).ShouldBe(
            ["We have to leave now", "Where are my keys", @"{\i1}Nobody{\i0} saw it coming", "See you tomorrow"]);
        SubtitleWriter.Write(document).ShouldBe(EightEventAss);
    }

    [Fact]
    public void EachBrokenAssEventIsAWarningOnItsLineSayingItWasKeptAsWritten()
    {
        var document = SubtitleParser.Parse(EightEventAss, SubtitleFormat.Ass);

        document.Warnings.Select(warning => (warning.Line, warning.Outcome)).ShouldBe([
            (10, SubtitleParseOutcome.KeptVerbatim),
            (12, SubtitleParseOutcome.KeptVerbatim),
            (14, SubtitleParseOutcome.KeptVerbatim),
            (16, SubtitleParseOutcome.KeptVerbatim),
        ]);
        document.Warnings.ShouldAllBe(warning => warning.Message.Contains("kept as written"));
    }

    [Fact]
    public void AnSsaScriptKeepsItsBrokenEventInPlace()
    {
        const string ssa = """
            [Script Info]
            ScriptType: v4.00

            [Events]
            Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: Marked=0,0:00:01.00,0:00:02.00,Default,,0000,0000,0000,,First
            Dialogue: Marked=0,0:00:03.00,oops,Default,,0000,0000,0000,,Broken
            Dialogue: Marked=0,0:00:05.00,0:00:06.00,Default,,0000,0000,0000,,Last

            """;

        var document = SubtitleParser.Parse(ssa, SubtitleFormat.Ssa);

        document.Format.ShouldBe(SubtitleFormat.Ssa);
        document.Cues.Select(cue => cue.Text).ShouldBe(["First", "Last"]);
        SubtitleWriter.Write(document).ShouldBe(ssa);
    }

    [Fact]
    public void LinesBetweenTheFormatLineAndTheFirstEventStayBeforeTheEvents()
    {
        const string ass = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            + "; timed by hand\n\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n";

        SubtitleWriter.Write(SubtitleParser.Parse(ass, SubtitleFormat.Ass)).ShouldBe(ass);
    }

    [Fact]
    public void SrtBlocksWithoutAUsableTimingAreWrittenBackWhereTheyWere()
    {
        const string srt = """
            1
            00:00:0l,000 --> 00:00:02,000
            A typo in the first timing

            2
            00:00:03,000 --> 00:00:04,000
            We have to leave now

            3
            This block lost its timing line
            and has two lines

            4
            00:00:07,000 --> 00:00:08,000
            Where are my keys

            5
            00:00:09,000 -->
            The last one has no end

            """;

        var document = SubtitleParser.Parse(srt, SubtitleFormat.Srt);

        document.Cues.Select(cue => cue.Text).ShouldBe(["We have to leave now", "Where are my keys"]);
        document.Warnings.Select(warning => (warning.Line, warning.Outcome)).ShouldBe([
            (2, SubtitleParseOutcome.KeptVerbatim),
            (9, SubtitleParseOutcome.KeptVerbatim),
            (18, SubtitleParseOutcome.KeptVerbatim),
        ]);
        SubtitleWriter.Write(document).ShouldBe(srt);
    }

    [Fact]
    public void AWebVttCueWithABrokenTimingIsWrittenBackWhereItWas()
    {
        const string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nFirst\n\n00:03.000 --> 00:0x.000\nBroken\n\n00:05.000 --> 00:06.000\nLast\n";

        var document = SubtitleParser.Parse(vtt, SubtitleFormat.WebVtt);

        document.Cues.Select(cue => cue.Text).ShouldBe(["First", "Last"]);
        document.Warnings.ShouldHaveSingleItem().Outcome.ShouldBe(SubtitleParseOutcome.KeptVerbatim);
        SubtitleWriter.Write(document).ShouldBe(vtt);
    }

    [Fact]
    public void ATimingReadByValueIsARepairNotAKeptBlock()
    {
        var document = SubtitleParser.Parse("1\n00:00:01.5 --> 00:00:02,04\nHi\n", SubtitleFormat.Srt);

        document.Warnings.ShouldHaveSingleItem().Outcome.ShouldBe(SubtitleParseOutcome.Repaired);
    }
}

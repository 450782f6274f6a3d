using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Output;
using FluxCaption.Tests.Subtitles;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation;

/// <summary>What the parser kept as written reaches the translated file untouched, and the job hears of it.</summary>
public class KeptVerbatimTranslationTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    [Fact]
    public async Task ATranslatedAssScriptHasItsBrokenEventsByteForByteAtTheirPlace()
    {
        var source = SubtitleParser.Parse(KeptVerbatimTests.EightEventAss, SubtitleFormat.Ass);
        var engine = new FakeTranslationEngine();

        var result = await Translator(null, engine).TranslateAsync(Request(source), Ignore, TestContext.Current.CancellationToken);

        var expected = KeptVerbatimTests.EightEventAss
            .Replace(",,We have to leave now", ",,WE HAVE TO LEAVE NOW", StringComparison.Ordinal)
            .Replace(",,Where are my keys", ",,WHERE ARE MY KEYS", StringComparison.Ordinal)
            .Replace(@",,{\i1}Nobody{\i0} saw it coming", @",,{\i1}NOBODY{\i0} SAW IT COMING", StringComparison.Ordinal)
            .Replace(",,See you tomorrow", ",,SEE YOU TOMORROW", StringComparison.Ordinal);
        SubtitleWriter.Write(result.Document).ShouldBe(expected);
        engine.SentIds.Count.ShouldBe(4);
    }

    [Fact]
    public async Task ATranslatedSrtKeepsABrokenLastBlockAsWritten()
    {
        const string srt = "1\n00:00:01,000 --> 00:00:02,000\nWe have to leave now\n\n2\n00:00:03,000 -->\nNo end here\n";
        var source = SubtitleParser.Parse(srt, SubtitleFormat.Srt);

        var result = await Translator(null, new FakeTranslationEngine()).TranslateAsync(Request(source), Ignore, TestContext.Current.CancellationToken);

        SubtitleWriter.Write(result.Document).ShouldBe("1\n00:00:01,000 --> 00:00:02,000\nWE HAVE TO LEAVE NOW\n\n2\n00:00:03,000 -->\nNo end here\n");
    }

    [Fact]
    public async Task ATranslatedWebVttKeepsTheNoteAfterItsLastCue()
    {
        const string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nWe have to leave now\n\nNOTE written by hand\n";
        var source = SubtitleParser.Parse(vtt, SubtitleFormat.WebVtt);

        var result = await Translator(null, new FakeTranslationEngine()).TranslateAsync(Request(source), Ignore, TestContext.Current.CancellationToken);

        SubtitleWriter.Write(result.Document).ShouldBe("WEBVTT\n\n00:01.000 --> 00:02.000\nWE HAVE TO LEAVE NOW\n\nNOTE written by hand\n");
    }

    [Fact]
    public void EveryParserWarningBecomesADocumentWarningNamingItsLine()
    {
        var source = SubtitleParser.Parse(KeptVerbatimTests.EightEventAss.Replace("0:00:16.00", "0:00:16.5", StringComparison.Ordinal), SubtitleFormat.Ass);

        var warnings = ParserWarnings.For(source, SubtitleFormat.Ass);

        warnings.Select(w => w.Code).ShouldBe([
            ParserWarnings.KeptVerbatimCode, ParserWarnings.KeptVerbatimCode, ParserWarnings.KeptVerbatimCode, ParserWarnings.KeptVerbatimCode,
            ParserWarnings.RepairedCode,
        ]);
        warnings.Select(w => w.Message[..8]).ShouldBe(["Line 10:", "Line 12:", "Line 14:", "Line 16:", "Line 17:"]);
        warnings[0].Message.ShouldContain("kept as written");
    }

    [Fact]
    public void AKeptBlockThatTheOutputFormatCannotHoldIsReportedAsLeftOut()
    {
        var source = SubtitleParser.Parse(KeptVerbatimTests.EightEventAss, SubtitleFormat.Ass);

        var warnings = ParserWarnings.For(source, SubtitleFormat.Srt);

        warnings.Count.ShouldBe(4);
        warnings.ShouldAllBe(w => w.Code == ParserWarnings.SkippedCode && w.Message.Contains("the SRT result has no place for it"));
    }
}

using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SubtitleFormatDetectorTests
{
    [Theory]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", null, SubtitleFormat.WebVtt)]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "movie.srt", SubtitleFormat.WebVtt)]
    [InlineData("[Script Info]\nScriptType: v4.00+\n\n[Events]\n", null, SubtitleFormat.Ass)]
    [InlineData("[Script Info]\nScriptType: v4.00\n\n[Events]\n", "movie.ass", SubtitleFormat.Ssa)]
    [InlineData("[Script Info]\nTitle: x\n\n[V4 Styles]\n\n[Events]\n", null, SubtitleFormat.Ssa)]
    [InlineData("[Script Info]\nTitle: x\n\n[Events]\n", "movie.ssa", SubtitleFormat.Ssa)]
    [InlineData("[Script Info]\nTitle: x\n\n[Events]\n", "movie.txt", SubtitleFormat.Ass)]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nHi\n", null, SubtitleFormat.Srt)]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "movie.ass", SubtitleFormat.Srt)]
    [InlineData("00:00:01.000 --> 00:00:02.000\nHi\n", "movie.vtt", SubtitleFormat.WebVtt)]
    public void ContentDecidesAndTheExtensionOnlyBreaksTies(string text, string? fileName, SubtitleFormat expected)
    {
        SubtitleFormatDetector.Detect(text, fileName).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dear diary, today nothing happened.\n")]
    [InlineData("<html><body>not subtitles</body></html>")]
    public void TextThatIsNoSubtitleFormatIsNotDetected(string text)
    {
        SubtitleFormatDetector.Detect(text, "movie.srt").ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(CorpusRoundTripTests.AllFiles), MemberType = typeof(CorpusRoundTripTests))]
    public void EveryCorpusFileIsDetectedFromItsContentAlone(string path)
    {
        var expected = Path.GetExtension(path) switch
        {
            ".srt" => SubtitleFormat.Srt,
            ".vtt" => SubtitleFormat.WebVtt,
            ".ssa" => SubtitleFormat.Ssa,
            _ => SubtitleFormat.Ass,
        };

        SubtitleFormatDetector.Detect(CorpusFiles.Text(path), fileName: null).ShouldBe(expected);
    }
}

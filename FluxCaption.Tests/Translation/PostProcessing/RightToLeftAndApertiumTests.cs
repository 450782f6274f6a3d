using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Translation.PostProcessing;

public class RightToLeftAndApertiumTests
{
    private const string Rle = "\u202B";
    private const string Pdf = "\u202C";

    private static readonly Core.Translation.PostProcessing.SubtitlePostProcessor Embedding = PostProcessors.Only("RightToLeftEmbedding");
    private static readonly Core.Translation.PostProcessing.SubtitlePostProcessor Spacing = PostProcessors.Only("ApertiumSpacing");

    [Fact]
    public void EachArabicSrtLineIsEmbeddedRightToLeftSoItsFullStopAndEnglishNameSitRight()
    {
        var marked = Embedding.Process("<i>قال John:</i>\nلنذهب الآن.", SubtitleFormat.Srt, "ar", "ollama");

        marked.ShouldBe($"<i>{Rle}قال John:{Pdf}</i>\n{Rle}لنذهب الآن.{Pdf}");
    }

    [Fact]
    public void AssHebrewLinesAreEmbeddedInsideTheirOverridesAndBreaks() =>
        Embedding.Process(@"{\an8}שלום, David!\Nמה שלומך?", SubtitleFormat.Ass, "he", "ollama")
            .ShouldBe($@"{{\an8}}{Rle}שלום, David!{Pdf}\N{Rle}מה שלומך?{Pdf}");

    [Fact]
    public void MarksAreNeverDoubled()
    {
        var once = Embedding.Process("سلام Sara.", SubtitleFormat.Srt, "fa", "ollama");

        Embedding.Process(once, SubtitleFormat.Srt, "fa", "ollama").ShouldBe(once);
    }

    [Fact]
    public void WebVttAndLatinOnlyLinesGetNoMarks()
    {
        Embedding.Process("مرحبا.", SubtitleFormat.WebVtt, "ar", "ollama").ShouldBe("مرحبا.");
        Embedding.Process("OK\nمرحبا", SubtitleFormat.Srt, "ur", "ollama").ShouldBe($"OK\n{Rle}مرحبا{Pdf}");
        Embedding.Process("Hello.", SubtitleFormat.Srt, "en", "ollama").ShouldBe("Hello.");
    }

    [Theory]
    [InlineData("Hola , mi amigo .", "Hola, mi amigo.")]
    [InlineData("Eres allí ?  Tengo 3.5 manzanas", "Eres allí? Tengo 3.5 manzanas")]
    [InlineData("Espera ... qué", "Espera ... qué")]
    [InlineData("Son 1 ,000 y 3 .5", "Son 1 ,000 y 3 .5")]
    [InlineData("<i>Hola ,</i> amigo", "<i>Hola,</i> amigo")]
    public void ApertiumSpacingBeforePunctuationIsRepairedWithoutTouchingEllipsesOrNumbers(string translated, string expected) =>
        Spacing.Process(translated, SubtitleFormat.Srt, "es", "apertium").ShouldBe(expected);

    [Fact]
    public void OnlyApertiumOutputIsTidiedAndFrenchKeepsItsSpaceBeforeAnExclamationMark()
    {
        Spacing.Process("Hola , amigo", SubtitleFormat.Srt, "es", "ollama").ShouldBe("Hola , amigo");
        Spacing.Process("Bonjour ! Salut , toi", SubtitleFormat.Srt, "fr", "apertium").ShouldBe("Bonjour ! Salut, toi");
    }

    [Fact]
    public void AllRulesTogetherKeepTagsAndProduceATidyChineseCue()
    {
        var processor = PostProcessors.Create();

        var processed = processor.Process(@"{\an8}我不敢相信你大老远跑到这里, 就是为了告诉我{\i1}这件事情{\i0}...", SubtitleFormat.Ass, "zh-Hans", "ollama");

        processed.ShouldStartWith(@"{\an8}");
        processed.ShouldContain(@"{\i1}");
        processed.ShouldContain("，");
        processed.ShouldEndWith(@"{\i0}……");
        processed.Split(@"\N").Length.ShouldBe(2);
    }

    [Fact]
    public void TurningPostProcessingOffLeavesTheLineAlone() =>
        PostProcessors.Create(o => o.Enabled = false).Process("你好,世界.", SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe("你好,世界.");
}

using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Translation.PostProcessing;

public class LineWrappingTests
{
    private static readonly Core.Translation.PostProcessing.SubtitlePostProcessor Wrapper = PostProcessors.Only("WrapLines");

    [Fact]
    public void ALongSpanishLineIsSplitIntoTwoBalancedLinesAtASpace()
    {
        var wrapped = Wrapper.Process("No puedo creer que hayas venido hasta aquí para decirme eso", SubtitleFormat.Srt, "es", "ollama");

        var lines = wrapped.Split('\n');
        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(line => line.Length <= 42);
        string.Join(' ', lines).ShouldBe("No puedo creer que hayas venido hasta aquí para decirme eso");
        Math.Abs(lines[0].Length - lines[1].Length).ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public void ALineThatFitsIsLeftAsTheTranslatorWroteIt() =>
        Wrapper.Process("Hola.\nAdiós.", SubtitleFormat.Srt, "es", "ollama").ShouldBe("Hola.\nAdiós.");

    [Fact]
    public void TranslatorBreaksAreRebalancedWhenALineIsTooLong()
    {
        var wrapped = Wrapper.Process("Sí\nno puedo creer que hayas venido hasta aquí para decirme", SubtitleFormat.Srt, "es", "ollama");

        var lines = wrapped.Split('\n');
        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(line => line.Length <= 42);
        lines[0].ShouldStartWith("Sí no puedo");
    }

    [Fact]
    public void AssCuesBreakWithBackslashNAndKeepTheirOverrides()
    {
        var wrapped = Wrapper.Process(@"{\an8}Je ne peux pas croire que {\i1}tu sois venu{\i0} jusqu'ici pour me dire ça", SubtitleFormat.Ass, "fr", "ollama");

        wrapped.ShouldStartWith(@"{\an8}Je ne peux pas");
        wrapped.Replace(@"\N", " ").ShouldBe(@"{\an8}Je ne peux pas croire que {\i1}tu sois venu{\i0} jusqu'ici pour me dire ça");
        wrapped.Split(@"\N").Length.ShouldBe(2);
        wrapped.ShouldNotContain("\n");
    }

    [Fact]
    public void NumbersAndWordsAreNeverCutAndNoLineStartsWithClosingPunctuation()
    {
        var wrapped = Wrapper.Process("Il a dit que le prix était de 1 000,50 euros et qu'il partirait à 10:30 !", SubtitleFormat.Srt, "fr", "ollama");

        var lines = wrapped.Split('\n');
        lines.Length.ShouldBe(2);
        lines[1].ShouldNotStartWith("!");
        wrapped.ShouldContain("10:30");
        wrapped.Replace('\n', ' ').ShouldBe("Il a dit que le prix était de 1 000,50 euros et qu'il partirait à 10:30 !");
    }

    [Fact]
    public void ChineseBreaksBetweenCharactersWithinEighteenFullWidthCells()
    {
        var wrapped = Wrapper.Process("我不敢相信你大老远跑到这里就是为了告诉我这件事情，真的太让人意外了", SubtitleFormat.Srt, "zh-Hans", "ollama");

        var lines = wrapped.Split('\n');
        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(line => line.Length <= 18);
        lines[1].ShouldNotStartWith("，");
        string.Concat(lines).ShouldBe("我不敢相信你大老远跑到这里就是为了告诉我这件事情，真的太让人意外了");
    }

    [Fact]
    public void ChineseNeverBreaksInsideALatinWordOrNumber()
    {
        var wrapped = Wrapper.Process("我们明天早上在Starbucks见面然后一起去看那部3.5小时的电影吧", SubtitleFormat.Srt, "zh-Hans", "ollama");

        wrapped.Replace("\n", "").ShouldBe("我们明天早上在Starbucks见面然后一起去看那部3.5小时的电影吧");
        wrapped.ShouldContain("Starbucks");
        wrapped.ShouldContain("3.5");
    }

    [Fact]
    public void TheCjkWidthIsAnOption()
    {
        var narrow = PostProcessors.Create(o => o.MaxCjkLineWidth = 10);

        var lines = narrow.Process("我不敢相信你大老远跑到这里来了", SubtitleFormat.Srt, "zh-Hans", "ollama").Split('\n');

        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(line => line.Length <= 10);
    }

    [Fact]
    public void TextTooLongForTwoLinesGetsAThirdLineRatherThanOverflowing()
    {
        var text = "This is a very long subtitle line that a translator produced which cannot fit into two lines of forty-two";

        var lines = Wrapper.Process(text, SubtitleFormat.Srt, "en", "ollama").Split('\n');

        lines.Length.ShouldBe(3);
        lines.ShouldAllBe(line => line.Length <= 42);
        string.Join(' ', lines).ShouldBe(text);
    }

    [Fact]
    public void AWordWiderThanTheLineStaysWhole()
    {
        var url = "https://example.com/a/very/long/path/that/never/ends/at/all/index.html";

        var wrapped = Wrapper.Process($"Mira {url} ahora", SubtitleFormat.Srt, "es", "ollama");

        wrapped.Split('\n').ShouldContain(url);
    }

    [Fact]
    public void AWebVttVoiceSpanStaysIntactAcrossTheWrap()
    {
        var wrapped = Wrapper.Process("<v Roger>No puedo creer que hayas venido hasta aquí para decirme eso</v>", SubtitleFormat.WebVtt, "es", "ollama");

        wrapped.ShouldStartWith("<v Roger>");
        wrapped.ShouldEndWith("</v>");
        wrapped.Split('\n').Length.ShouldBe(2);
    }

    [Fact]
    public void TwoSpeakersStayOnTheirOwnLinesAndOnlyTheLongOneIsWrapped()
    {
        var wrapped = Wrapper.Process("- ¿Vienes?\n- No puedo creer que hayas venido hasta aquí para decirme eso", SubtitleFormat.Srt, "es", "ollama");

        var lines = wrapped.Split('\n');
        lines[0].ShouldBe("- ¿Vienes?");
        lines[1].ShouldStartWith("- No puedo");
        lines.Length.ShouldBe(3);
        lines.ShouldAllBe(line => line.Length <= 42);
    }

    [Fact]
    public void ThreeShortLinesTheTranslatorKeptAreLeftAlone() =>
        Wrapper.Process("La la la\nbajo la luna\nla la", SubtitleFormat.Srt, "es", "ollama").ShouldBe("La la la\nbajo la luna\nla la");
}

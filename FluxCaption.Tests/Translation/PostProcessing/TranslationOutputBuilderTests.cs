using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Output;

namespace FluxCaption.Tests.Translation.PostProcessing;

public class TranslationOutputBuilderTests
{
    private const string Source = """
        1
        00:00:01,000 --> 00:00:03,000
        {\an8}Wait... are you serious?

        2
        00:00:04,000 --> 00:00:06,000
        ♪ ♪

        3
        00:00:07,000 --> 00:00:09,000
        I can't believe you came all the way here just to tell me this, it's really a surprise.

        """;

    [Fact]
    public void AChineseTranslationConvertedToAssIsTidiedWrappedAndGivenItsSourceLines()
    {
        var source = SubtitleParser.Parse(Source, SubtitleFormat.Srt);
        var translated = source.Clone();
        translated.Cues[0].Text = "{\\an8}等等...你是认真的吗?";
        translated.Cues[2].Text = "我不敢相信你大老远跑到这里就是为了告诉我这件事, 真的太让人意外了.";
        var builder = new TranslationOutputBuilder(PostProcessors.Create());

        var output = builder.Build(source, translated, SubtitleFormat.Ass, "zh-Hans", "ollama", bilingual: true);

        output.Format.ShouldBe(SubtitleFormat.Ass);
        output.Cues.Select(c => (c.Ass!.Style, c.Text)).ShouldBe([
            ("Default-Source", "{\\an8}Wait... are you serious?"),
            ("Default", "{\\an8}等等……你是认真的吗？"),
            ("Default", "♪ ♪"),
            ("Default-Source", "I can't believe you came all the way here just to tell me this, it's really a surprise."),
            ("Default", "我不敢相信你大老远跑到这里就是为\\N了告诉我这件事，真的太让人意外了。"),
        ]);
        output.Cues.Select(c => c.Start).ShouldBe([
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7),
        ]);
    }

    [Fact]
    public void WithoutBilingualTheOutputHasTheSourcesCuesAndUntranslatedCuesAreUntouched()
    {
        var source = SubtitleParser.Parse(Source, SubtitleFormat.Srt);
        var translated = source.Clone();
        translated.Cues[0].Text = "{\\an8}Espera , ¿ hablas en serio ?";
        var builder = new TranslationOutputBuilder(PostProcessors.Create());

        var output = builder.Build(source, translated, SubtitleFormat.Srt, "es", "apertium", bilingual: false);

        output.Cues.Select(c => c.Text).ShouldBe([
            "{\\an8}Espera, ¿ hablas en serio?",
            "♪ ♪",
            "I can't believe you came all the way here just to tell me this, it's really a surprise.",
        ]);
        source.Cues[0].Text.ShouldBe("{\\an8}Wait... are you serious?");
    }

    [Fact]
    public void ACueAFallbackEngineTranslatedIsTidiedForThatEngineAndTheOthersForTheJobsEngine()
    {
        var source = SubtitleParser.Parse(Source, SubtitleFormat.Srt);
        var translated = source.Clone();
        translated.Cues[0].Text = "{\\an8}Espera , ¿ hablas en serio ?";
        translated.Cues[2].Text = "Vino aquí , de verdad .";
        var builder = new TranslationOutputBuilder(PostProcessors.Create());

        var output = builder.Build(source, translated, SubtitleFormat.Srt, "es", "ollama", bilingual: false,
            cueEngines: new Dictionary<int, string> { [0] = "apertium" });

        output.Cues[0].Text.ShouldBe("{\\an8}Espera, ¿ hablas en serio?", "Apertium translated this line: its spacing is tidied");
        output.Cues[2].Text.ShouldBe("Vino aquí , de verdad .", "the LLM's own spacing is left as it wrote it");
    }
}

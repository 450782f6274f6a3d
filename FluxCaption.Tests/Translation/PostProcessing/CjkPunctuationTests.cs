using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Translation.PostProcessing;

public class CjkPunctuationTests
{
    private static readonly Core.Translation.PostProcessing.SubtitlePostProcessor Punctuation = PostProcessors.Only("CjkPunctuation");

    [Theory]
    [InlineData("你好,世界.", "你好，世界。")]
    [InlineData("真的吗?不!", "真的吗？不！")]
    [InlineData("注意:马上走;快点", "注意：马上走；快点")]
    [InlineData("他说 , 我们走 .", "他说，我们走。")]
    [InlineData("真的?!", "真的？！")]
    [InlineData("你好, 世界", "你好，世界")]
    public void AsciiPunctuationAfterChineseBecomesFullWidthWithoutSpaces(string translated, string expected) =>
        Punctuation.Process(translated, SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe(expected);

    [Theory]
    [InlineData("价格是3.5元,不是1,000元.", "价格是3.5元，不是1,000元。")]
    [InlineData("会议10:30开始.", "会议10:30开始。")]
    [InlineData("请访问 https://example.com/a.b?c=1 了解", "请访问 https://example.com/a.b?c=1 了解")]
    [InlineData("他用iPhone 15 Pro, OK?", "他用iPhone 15 Pro, OK?")]
    [InlineData("去百度.com搜索", "去百度.com搜索")]
    public void NumbersTimesUrlsAndLatinWordsKeepTheirAsciiPunctuation(string translated, string expected) =>
        Punctuation.Process(translated, SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe(expected);

    [Theory]
    [InlineData("等等...你说什么", "等等……你说什么")]
    [InlineData("等等…你说什么", "等等……你说什么")]
    [InlineData("...我不知道", "……我不知道")]
    [InlineData("Wait... 好吧", "Wait... 好吧")]
    [InlineData("好..吧", "好..吧")]
    public void EllipsesAfterChineseBecomeTheTwoCellEllipsisAndOthersStay(string translated, string expected) =>
        Punctuation.Process(translated, SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe(expected);

    [Fact]
    public void QuotesAndParenthesesAroundChineseBecomeFullWidth() =>
        Punctuation.Process("他说\"快跑\"(真的)", SubtitleFormat.Srt, "zh-Hant", "ollama").ShouldBe("他说“快跑”（真的）");

    [Fact]
    public void JapaneseTakesTheIdeographicCommaStopAndCornerBrackets() =>
        Punctuation.Process("はい,\"わかった\".", SubtitleFormat.Srt, "ja", "ollama").ShouldBe("はい、「わかった」。");

    [Fact]
    public void TagsOverridesAndAssBreaksAreNeverTouched()
    {
        var converted = Punctuation.Process(@"{\an8}{\i1}你好{\i0},世界.\N{\b1}是吗?{\b0}", SubtitleFormat.Ass, "zh-Hans", "ollama");

        converted.ShouldBe(@"{\an8}{\i1}你好{\i0}，世界。\N{\b1}是吗？{\b0}");
    }

    [Fact]
    public void AnSrtLineBreakEndsTheCjkContext() =>
        Punctuation.Process("<i>好的</i>\n...and then?", SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe("<i>好的</i>\n...and then?");

    [Fact]
    public void KoreanKeepsItsWesternPunctuation() =>
        Punctuation.Process("안녕하세요, 여러분.", SubtitleFormat.Srt, "ko", "ollama").ShouldBe("안녕하세요, 여러분.");

    [Fact]
    public void AnAlreadyFullWidthLineComesBackUnchanged() =>
        Punctuation.Process("你好，世界。“对”……", SubtitleFormat.Srt, "zh-Hans", "ollama").ShouldBe("你好，世界。“对”……");
}

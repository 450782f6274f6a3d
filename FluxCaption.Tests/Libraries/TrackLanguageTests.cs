using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries;

public sealed class TrackLanguageTests
{
    [Theory]
    [InlineData("chi", null, "zh-Hans")]
    [InlineData("chi", "Chinese (Traditional)", "zh-Hant")]
    [InlineData("zho", "繁體中文", "zh-Hant")]
    [InlineData("zho", "简体中文", "zh-Hans")]
    [InlineData("srp", "Srpski (latinica)", "sr-Latn")]
    [InlineData("srp", "Српски ћирилица", "sr-Cyrl")]
    [InlineData("fre", "Français", "fr")]
    [InlineData("ger", "Traditional German dialect", "de")]
    [InlineData(null, "English", "en")]
    [InlineData("und", "French", "fr")]
    [InlineData("und", "Commentary", "und")]
    [InlineData(null, null, "und")]
    public void TheTitleSettlesTheScriptAndNamesAnUntaggedTrack(string? raw, string? title, string expected)
    {
        TrackLanguage.Resolve(raw, title).ShouldBe(expected);
    }
}

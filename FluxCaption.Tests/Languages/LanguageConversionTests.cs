using FluxCaption.Core.Languages;

namespace FluxCaption.Tests.Languages;

public class LanguageConversionTests
{
    // Tags that ISO 639-2 cannot tell apart from their language: the variant is lost on the way.
    private static readonly Dictionary<string, string> DocumentedMerges = new()
    {
        ["zh-Hant"] = "zh-Hans",
        ["pt-BR"] = "pt",
        ["es-419"] = "es",
        ["fr-CA"] = "fr",
        ["sr-Latn"] = "sr-Cyrl",
    };

    [Theory]
    [InlineData("en", "eng", "eng")]
    [InlineData("fr", "fra", "fre")]
    [InlineData("de", "deu", "ger")]
    [InlineData("zh-Hans", "zho", "chi")]
    [InlineData("zh-Hant", "zho", "chi")]
    [InlineData("pt-BR", "por", "por")]
    [InlineData("es-419", "spa", "spa")]
    [InlineData("sr-Latn", "srp", "srp")]
    [InlineData("bo", "bod", "tib")]
    [InlineData("fil", "fil", "fil")]
    public void CanonicalTagsGiveTheIso6392CodesJellyfinAndFfmpegUse(string canonical, string terminology, string bibliographic)
    {
        LanguageCodes.ToIso6392T(canonical).ShouldBe(terminology);
        LanguageCodes.ToIso6392B(canonical).ShouldBe(bibliographic);
    }

    [Theory]
    [InlineData("zh-Hant", "zh")]
    [InlineData("pt-BR", "pt")]
    [InlineData("sr-Cyrl", "sr")]
    [InlineData("en", "en")]
    [InlineData("ger", "de")]
    public void TheIso6391CodeIsTheLanguagePart(string input, string expected) =>
        LanguageCodes.ToIso6391(input).ShouldBe(expected);

    [Fact]
    public void ALanguageWithoutATwoLetterCodeHasNoIso6391() =>
        LanguageCodes.ToIso6391("fil").ShouldBeNull();

    [Fact]
    public void EveryCanonicalTagSurvivesARoundTripThroughIso6392TExceptTheDocumentedMerges()
    {
        foreach (var tag in LanguageCodes.CanonicalTags)
        {
            var expected = DocumentedMerges.GetValueOrDefault(tag, tag);
            LanguageCodes.Normalize(LanguageCodes.ToIso6392T(tag)).ShouldBe(expected, $"round trip of {tag}");
            LanguageCodes.Normalize(LanguageCodes.ToIso6392B(tag)).ShouldBe(expected, $"round trip of {tag} via 639-2/B");
        }
    }

    [Fact]
    public void EveryCanonicalTagSurvivesARoundTripThroughItsDisplayName()
    {
        foreach (var tag in LanguageCodes.CanonicalTags)
        {
            LanguageCodes.Normalize(LanguageCodes.DisplayName(tag)).ShouldBe(tag, $"display name of {tag}");
        }
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("zh-Hans", "Chinese (Simplified)")]
    [InlineData("zh-Hant", "Chinese (Traditional)")]
    [InlineData("pt-BR", "Portuguese (Brazil)")]
    [InlineData("pt", "Portuguese")]
    [InlineData("es-419", "Spanish (Latin America)")]
    [InlineData("fr-CA", "French (Canada)")]
    [InlineData("sr-Latn", "Serbian (Latin)")]
    [InlineData("nb", "Norwegian Bokmål")]
    [InlineData("ger", "German")]
    [InlineData("und", "Undetermined")]
    [InlineData("klingon", "klingon")]
    public void DisplayNamesAreTheEnglishNamesUsersRead(string input, string expected) =>
        LanguageCodes.DisplayName(input).ShouldBe(expected);

    [Theory]
    [InlineData("en", LanguageScript.Latin)]
    [InlineData("ru", LanguageScript.Cyrillic)]
    [InlineData("sr-Cyrl", LanguageScript.Cyrillic)]
    [InlineData("sr-Latn", LanguageScript.Latin)]
    [InlineData("el", LanguageScript.Greek)]
    [InlineData("zh-Hans", LanguageScript.Cjk)]
    [InlineData("zh-Hant", LanguageScript.Cjk)]
    [InlineData("ja", LanguageScript.Cjk)]
    [InlineData("ko", LanguageScript.Cjk)]
    [InlineData("ar", LanguageScript.RightToLeft)]
    [InlineData("he", LanguageScript.RightToLeft)]
    [InlineData("fa", LanguageScript.RightToLeft)]
    [InlineData("ur", LanguageScript.RightToLeft)]
    [InlineData("yi", LanguageScript.RightToLeft)]
    [InlineData("th", LanguageScript.Other)]
    [InlineData("hi", LanguageScript.Other)]
    public void ScriptTellsHowALanguageIsWritten(string canonical, LanguageScript expected) =>
        LanguageCodes.Script(canonical).ShouldBe(expected);

    [Fact]
    public void HelpersRefuseSomethingThatIsNotALanguage()
    {
        Should.Throw<ArgumentException>(() => LanguageCodes.ToIso6392T("und"));
        Should.Throw<ArgumentException>(() => LanguageCodes.Script("xx"));
    }

    [Theory]
    [InlineData("en", "en", true)]
    [InlineData("eng", "en-US", true)]
    [InlineData("zh-Hant", "zh-Hans", false)]
    [InlineData("zh-Hans", "zh-Hant", false)]
    [InlineData("chi", "zh-CN", true)]
    [InlineData("pt", "pt-BR", false)]
    [InlineData("pt-BR", "pt", true)]
    [InlineData("pob", "pt-BR", true)]
    [InlineData("es", "es-419", false)]
    [InlineData("es-419", "es", true)]
    [InlineData("fr", "fr-CA", false)]
    [InlineData("fr-CA", "fr", true)]
    [InlineData("sr-Latn", "sr-Cyrl", false)]
    [InlineData("sr-Latn", "srp", false)]
    [InlineData("de", "en", false)]
    [InlineData("und", "en", false)]
    [InlineData("en", "und", false)]
    [InlineData(null, "en", false)]
    public void CoversTellsWhetherAnAvailableTrackServesTheWantedLanguage(string? available, string wanted, bool expected) =>
        LanguageCodes.Covers(available, wanted).ShouldBe(expected);
}

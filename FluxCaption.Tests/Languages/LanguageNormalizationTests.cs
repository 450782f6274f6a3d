using FluxCaption.Core.Languages;

namespace FluxCaption.Tests.Languages;

public class LanguageNormalizationTests
{
    [Theory]
    // ISO 639-1 in any case, with regions that do not change the written language
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("en_us", "en")]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("  de-AT ", "de")]
    [InlineData("es-ES", "es")]
    [InlineData("pt-PT", "pt")]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr-BE", "fr")]
    // ISO 639-2/T and /B as Jellyfin and ffmpeg write them
    [InlineData("eng", "en")]
    [InlineData("ENG", "en")]
    [InlineData("spa", "es")]
    [InlineData("fre", "fr")]
    [InlineData("fra", "fr")]
    [InlineData("ger", "de")]
    [InlineData("deu", "de")]
    [InlineData("dut", "nl")]
    [InlineData("nld", "nl")]
    [InlineData("gre", "el")]
    [InlineData("per", "fa")]
    [InlineData("rum", "ro")]
    [InlineData("cze", "cs")]
    [InlineData("slo", "sk")]
    [InlineData("ice", "is")]
    [InlineData("wel", "cy")]
    [InlineData("jpn", "ja")]
    [InlineData("kor", "ko")]
    [InlineData("ara", "ar")]
    [InlineData("hin", "hi")]
    [InlineData("por", "pt")]
    [InlineData("fil", "fil")]
    [InlineData("FIL", "fil")]
    // Chinese: never bare, Simplified unless the script or region says Traditional
    [InlineData("chi", "zh-Hans")]
    [InlineData("zho", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh_SG", "zh-Hans")]
    [InlineData("zh-Hans-CN", "zh-Hans")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("chs", "zh-Hans")]
    [InlineData("zhs", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-HK", "zh-Hant")]
    [InlineData("zh-MO", "zh-Hant")]
    [InlineData("zh-hant-tw", "zh-Hant")]
    [InlineData("zh-Hant", "zh-Hant")]
    [InlineData("cht", "zh-Hant")]
    [InlineData("zht", "zh-Hant")]
    [InlineData("cmn", "zh-Hans")]
    [InlineData("zh-cmn-Hant", "zh-Hant")]
    // Portuguese: Brazil kept apart
    [InlineData("pob", "pt-BR")]
    [InlineData("pb", "pt-BR")]
    [InlineData("ptb", "pt-BR")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("pt_BR", "pt-BR")]
    [InlineData("por-BR", "pt-BR")]
    // Spanish: Latin America kept apart
    [InlineData("es-419", "es-419")]
    [InlineData("es-MX", "es-419")]
    [InlineData("es-ar", "es-419")]
    [InlineData("es-US", "es-419")]
    [InlineData("ea", "es-419")]
    [InlineData("es_LA", "es-419")]
    // French Canada, Serbian scripts
    [InlineData("fr-CA", "fr-CA")]
    [InlineData("fre-CA", "fr-CA")]
    [InlineData("sr-Latn", "sr-Latn")]
    [InlineData("sr-latn-rs", "sr-Latn")]
    [InlineData("sr-Cyrl", "sr-Cyrl")]
    [InlineData("sr", "sr-Cyrl")]
    [InlineData("srp", "sr-Cyrl")]
    [InlineData("scc", "sr-Cyrl")]
    [InlineData("sh", "sr-Latn")]
    [InlineData("scr", "hr")]
    // Withdrawn codes still found in old files
    [InlineData("heb", "he")]
    [InlineData("iw", "he")]
    [InlineData("ind", "id")]
    [InlineData("in", "id")]
    [InlineData("ji", "yi")]
    [InlineData("jw", "jv")]
    [InlineData("mo", "ro")]
    // BCP-47 with variants and extensions
    [InlineData("de-CH-1996", "de")]
    [InlineData("en-US-x-twain", "en")]
    [InlineData("ca-ES-valencia", "ca")]
    [InlineData("en-Latn-US", "en")]
    // English names
    [InlineData("English", "en")]
    [InlineData("english", "en")]
    [InlineData(" ENGLISH ", "en")]
    [InlineData("Chinese", "zh-Hans")]
    [InlineData("Simplified Chinese", "zh-Hans")]
    [InlineData("Chinese (Traditional)", "zh-Hant")]
    [InlineData("Brazilian Portuguese", "pt-BR")]
    [InlineData("Portuguese (Brazil)", "pt-BR")]
    [InlineData("Latin American Spanish", "es-419")]
    [InlineData("Canadian French", "fr-CA")]
    [InlineData("Serbian (Latin)", "sr-Latn")]
    [InlineData("Farsi", "fa")]
    [InlineData("Norwegian Bokmål", "nb")]
    [InlineData("Norwegian Bokmal", "nb")]
    [InlineData("Flemish", "nl")]
    [InlineData("Filipino", "fil")]
    [InlineData("Mandarin", "zh-Hans")]
    [InlineData("Chinese (Hong Kong)", "zh-Hant")]
    [InlineData("Portuguese (Portugal)", "pt")]
    [InlineData("Spanish (Spain)", "es")]
    [InlineData("Spanish (Mexico)", "es-419")]
    [InlineData("English (United States)", "en")]
    [InlineData("German (Austria)", "de")]
    public void KnownShapesBecomeTheCanonicalTag(string input, string expected)
    {
        LanguageCodes.TryNormalize(input, out var canonical).ShouldBeTrue();
        canonical.ShouldBe(expected);
        LanguageCodes.Normalize(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("und")]
    [InlineData("mul")]
    [InlineData("zxx")]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("e")]
    [InlineData("english2")]
    [InlineData("en--us")]
    [InlineData("en-")]
    [InlineData("zh-yue")]
    [InlineData("qaa")]
    [InlineData("Klingon")]
    [InlineData("en US")]
    [InlineData("forced")]
    [InlineData("Chinese (Singapore)")]
    [InlineData("Portuguese (Angola)")]
    [InlineData("Klingon (Qo'noS)")]
    [InlineData("English (")]
    public void InputThatIsNotALanguageToTranslateIsRefused(string? input)
    {
        LanguageCodes.TryNormalize(input, out var canonical).ShouldBeFalse();
        canonical.ShouldBe("");
    }

    [Fact]
    public void NormalizeNamesTheCodeItCannotRead()
    {
        var error = Should.Throw<ArgumentException>(() => LanguageCodes.Normalize("xx-yy-zz"));
        error.Message.ShouldContain("'xx-yy-zz'");
    }

    [Theory]
    [InlineData("und", true)]
    [InlineData("UND", true)]
    [InlineData("mul", true)]
    [InlineData("zxx", true)]
    [InlineData(" mis ", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("en", false)]
    [InlineData("xx", false)]
    [InlineData("chi", false)]
    public void UndeterminedTagsAreRecognisedSeparately(string? input, bool expected) =>
        LanguageCodes.IsUndetermined(input).ShouldBe(expected);

    [Fact]
    public void TheTableHoldsTheWholeIso6391Set()
    {
        var twoLetter = LanguageCodes.CanonicalTags.Select(LanguageCodes.ToIso6391).OfType<string>().Distinct().ToList();

        twoLetter.Count.ShouldBeGreaterThanOrEqualTo(183);
        twoLetter.ShouldContain("aa");
        twoLetter.ShouldContain("zu");
        twoLetter.ShouldContain("nb");
        twoLetter.ShouldContain("nn");
    }

    [Fact]
    public void EveryCanonicalTagNormalizesToItself()
    {
        foreach (var tag in LanguageCodes.CanonicalTags)
        {
            LanguageCodes.Normalize(tag).ShouldBe(tag);
            LanguageCodes.Normalize(tag.ToUpperInvariant()).ShouldBe(tag);
        }
    }
}

using FluxCaption.Core.Ocr;

namespace FluxCaption.Tests.Ocr;

public sealed class TesseractLanguagesTests
{
    [Theory]
    [InlineData("en", "eng")]
    [InlineData("fre", "fra")]
    [InlineData("ger", "deu")]
    [InlineData("es-419", "spa")]
    [InlineData("pt-BR", "por")]
    [InlineData("cze", "ces")]
    [InlineData("chi", "chi_sim")]
    [InlineData("zh-TW", "chi_tra")]
    [InlineData("sr-Latn", "srp_latn")]
    [InlineData("nb", "nor")]
    [InlineData("ja", "jpn")]
    [InlineData("heb", "heb")]
    public void TrackLanguagesMapToTesseractNames(string language, string expected) =>
        TesseractLanguages.ForLanguage(language).ShouldBe(expected);

    [Theory]
    [InlineData("tlh")]
    [InlineData("not a language")]
    public void ALanguageTesseractHasNoModelForMapsToNothing(string language) =>
        TesseractLanguages.ForLanguage(language).ShouldBeNull();

    [Fact]
    public void TheDebianPackageNameUsesDashes() =>
        TesseractLanguages.DebianPackage("chi_sim").ShouldBe("tesseract-ocr-chi-sim");
}

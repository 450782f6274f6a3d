using FluxCaption.Core.Translation.Apertium;

namespace FluxCaption.Tests.Translation.Apertium;

public class ApertiumModesTests
{
    private const string Listing = """
          eng-spa
          spa-eng_US
          spa-eng
          cat_valencia-spa
          spa-por_BR
          por-spa
          *
          eng-spa-debug-mode
        """;

    [Fact]
    public void InstalledModesMapToCanonicalPairs()
    {
        var pairs = ApertiumModes.ParseListing(Listing);

        pairs.ShouldBe(
        [
            new ApertiumPair("eng-spa", "en", "es"),
            new ApertiumPair("spa-eng_US", "es", "en"),
            new ApertiumPair("spa-eng", "es", "en"),
            new ApertiumPair("cat_valencia-spa", "ca", "es"),
            new ApertiumPair("spa-por_BR", "es", "pt-BR"),
            new ApertiumPair("por-spa", "pt", "es"),
        ]);
    }

    [Theory]
    [InlineData("en", "es", "eng-spa")]
    [InlineData("eng", "spa", "eng-spa")]
    [InlineData("es", "en", "spa-eng")]
    [InlineData("es-419", "en", "spa-eng")]
    [InlineData("es", "pt-BR", "spa-por_BR")]
    [InlineData("pt-BR", "es", "por-spa")]
    [InlineData("ca", "es", "cat_valencia-spa")]
    public void ThePlainModeForThePairIsChosen(string source, string target, string expectedMode) =>
        ApertiumModes.Find(ApertiumModes.ParseListing(Listing), source, target).ShouldNotBeNull().Mode.ShouldBe(expectedMode);

    [Theory]
    [InlineData("en", "de")]
    [InlineData("es", "pt")]
    [InlineData("en", "es-419")]
    [InlineData("es", "ca")]
    [InlineData("xx", "es")]
    [InlineData("und", "es")]
    public void PairsThatAreNotInstalledAreNotFound(string source, string target) =>
        ApertiumModes.Find(ApertiumModes.ParseListing(Listing), source, target).ShouldBeNull();
}

using FluxCaption.Core.Ocr;

namespace FluxCaption.Tests.Ocr;

public sealed class OcrTextCorrectionsTests
{
    [Theory]
    [InlineData("The house Is red.", "The house is red.")]
    [InlineData("Wait, It was here.", "Wait, it was here.")]
    [InlineData("Put it In the box\nIf you can.", "Put it in the box\nif you can.")]
    [InlineData("l am here.", "I am here.")]
    [InlineData("You know | know.", "You know I know.")]
    [InlineData("\"l think so,\" he said.", "\"I think so,\" he said.")]
    public void LookAlikeLettersAreReadAsTheEnglishWordsAroundThemSay(string read, string expected) =>
        OcrTextCorrections.Fix(read, "en").ShouldBe(expected);

    [Theory]
    [InlineData("It is red. It was.")]
    [InlineData("Is it red?")]
    [InlineData("We met Isabel in Italy.")]
    [InlineData("Was it Ivan? Is he here?")]
    [InlineData("The hotel is full.")]
    public void WordsThatAreRightAsReadStayAsTheyAre(string read) =>
        OcrTextCorrections.Fix(read, "en").ShouldBe(read);

    [Fact]
    public void TheTesseractNameOfEnglishCountsAsEnglish() =>
        OcrTextCorrections.Fix("The house Is red.", "eng").ShouldBe("The house is red.");

    [Fact]
    public void OtherLanguagesAreLeftAlone() =>
        OcrTextCorrections.Fix("Il est là. l'eau", "fr").ShouldBe("Il est là. l'eau");
}

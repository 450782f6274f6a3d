using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;

namespace FluxCaption.Tests.Translation.Ollama;

public class OllamaReplyParserTests
{
    [Fact]
    public void AnObjectOfIdsToTextIsRead()
    {
        OllamaReplyParser.Parse("{\"1\": \"Hola\", \"2\": \"Adiós ⟦1⟧\"}")
            .ShouldBe([new TranslatedSegment("1", "Hola"), new TranslatedSegment("2", "Adiós ⟦1⟧")]);
    }

    [Fact]
    public void AThinkBlockWithItsOwnJsonIsIgnored()
    {
        OllamaReplyParser.Parse("<think>maybe {\"1\": \"wrong\"}</think>\n{\"1\": \"right\"}")
            .ShouldBe([new TranslatedSegment("1", "right")]);
    }

    [Fact]
    public void ProseAndMarkdownFencesAroundTheJsonAreIgnored()
    {
        OllamaReplyParser.Parse("Here you go [as JSON]:\n```json\n{\"7\": \"Sí\"}\n```\nAnything else? {\"8\": \"no\"}")
            .ShouldBe([new TranslatedSegment("7", "Sí")]);
    }

    [Fact]
    public void AnArrayOfIdTextObjectsAndAWrapperAreRead()
    {
        OllamaReplyParser.Parse("{\"translations\": [{\"id\": 1, \"text\": \"Uno\"}, {\"id\": \"2\", \"translation\": \"Dos\"}]}")
            .ShouldBe([new TranslatedSegment("1", "Uno"), new TranslatedSegment("2", "Dos")]);
    }

    [Fact]
    public void ATruncatedReplyKeepsTheCompletePairs()
    {
        OllamaReplyParser.Parse("{\"1\": \"Uno\", \"2\": \"Do")
            .ShouldBe([new TranslatedSegment("1", "Uno")]);
    }

    [Fact]
    public void DuplicatedIdsAreKeptSoValidationCanRefuseThem()
    {
        OllamaReplyParser.Parse("{\"1\": \"Uno\", \"1\": \"Otra vez\"}").Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I cannot translate this.")]
    [InlineData("<think>{\"1\": \"only thinking\"")]
    public void AReplyWithoutJsonGivesNothing(string reply)
    {
        OllamaReplyParser.Parse(reply).ShouldBeEmpty();
    }

    [Fact]
    public void TheConnectionStringGivesEndpointAndModel()
    {
        var (endpoint, model) = OllamaConnectionString.Parse("Endpoint=http://ollama:11434;Model=qwen2.5:7b-instruct");

        endpoint.ShouldBe(new Uri("http://ollama:11434"));
        model.ShouldBe("qwen2.5:7b-instruct");
    }

    [Fact]
    public void AConnectionStringWithoutModelLeavesItToTheOptions()
    {
        OllamaConnectionString.Parse("Endpoint=http://localhost:11434").Model.ShouldBeNull();
    }

    [Fact]
    public void AConnectionStringWithARelativeEndpointIsRejected()
    {
        Should.Throw<FormatException>(() => OllamaConnectionString.Parse("Endpoint=ollama;Model=x"));
    }
}

using FluxCaption.Benchmarks;

namespace FluxCaption.Tests.Benchmarks;

public class ScriptedModelTests
{
    [Fact]
    public void ABatchIsAnsweredIdForIdWithPlaceholdersInPlaceAndTheSameLength()
    {
        var reply = ScriptedModel.Reply("Target language: Spanish (es).", "Title: Film\nTranslate these 2 segments (JSON, id to text):\n{\"4\":\"⟦1⟧Run!⟦2⟧\",\"7\":\"Where is she?\"}");

        reply.ShouldBe("{\"4\":\"⟦1⟧Eha!⟦2⟧\",\"7\":\"Jurer vf fur?\"}");
    }

    [Fact]
    public void APlainPromptIsTranslatedAndAProofreadComesBackAsGiven()
    {
        ScriptedModel.Reply("Translate from English to Spanish.", "Translate this subtitle:\n\nGet in the car.").ShouldBe("Trg va gur pne.");
        ScriptedModel.Reply("Proofread the following translation.", "Original (English): Get in the car.\n\nTrg va gur pne.").ShouldBe("Trg va gur pne.");
    }

    [Fact]
    public void AHardLineComesBackUntranslatedOrIsLeftOutOfTheReply()
    {
        var reply = ScriptedModel.Reply("Target language: Spanish (es).", "{\"1\":\"Calm down, Anna!\",\"2\":\"Mm-hmm, tom...\",\"3\":\"Run!\"}");

        reply.ShouldBe("{\"1\":\"Calm down, Anna!\",\"3\":\"Eha!\"}");
    }
}

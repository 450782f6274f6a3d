using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;

namespace FluxCaption.Tests.Translation.Ollama;

public class ReplyKeysTests
{
    private static readonly TranslationSegment[] Segments = [new("1234", "Hello"), new("1235", "Bye"), new("1240", "Later")];

    [Fact]
    public void SegmentsTravelAsOneTwoThreeAndComeBackUnderTheirCuePositions()
    {
        var keys = new ReplyKeys(Segments);

        Segments.Select(s => keys.KeyOf(s.Id)).ShouldBe(["1", "2", "3"]);
        keys.ToSegments([new("2", "Adiós"), new("1", "Hola"), new(" 3 ", "Luego")])
            .ShouldBe([new TranslatedSegment("1235", "Adiós"), new TranslatedSegment("1234", "Hola"), new TranslatedSegment("1240", "Luego")]);
    }

    [Fact]
    public void AKeyTheBatchNeverHadCannotLandOnACue()
    {
        var keys = new ReplyKeys(Segments);

        var back = keys.ToSegments([new("4", "Invented"), new("1234", "A cue position instead of a key")]);

        back.Select(s => s.Id).ShouldBe(["unknown key 4", "unknown key 1234"]);
    }

    [Fact]
    public void ErrorsAboutACueNameItsKeySoTheModelCanFindTheLine()
    {
        var keys = new ReplyKeys(Segments);

        keys.InError("id 1240: placeholder ⟦1⟧ missing").ShouldBe("id 3: placeholder ⟦1⟧ missing");
        keys.InError("The reply was cut off").ShouldBe("The reply was cut off");
    }
}

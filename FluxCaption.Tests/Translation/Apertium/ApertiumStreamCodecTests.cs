using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;

namespace FluxCaption.Tests.Translation.Apertium;

public class ApertiumStreamCodecTests
{
    [Fact]
    public void SegmentsThatComeBackUntouchedDecodeToTheirOwnText()
    {
        TranslationSegment[] segments =
        [
            new("0", "⟦1⟧Tom & Jerry <3⟦2⟧"),
            new("1", ""),
            new("2", "⟦1⟧⟦2⟧"),
            new("3", "First line\nsecond line\r\nthird"),
            new("4", "It's 5 o'clock. Really?"),
            new("5", @"a [b] c^d$ @e *f /g <h> {i} \j ~k #l"),
            new("6", "[t0] nul\0 [] [t1"),
        ];

        var batch = ApertiumStreamCodec.Encode(segments);
        var texts = ApertiumStreamCodec.Decode(batch, batch.Input + "\0\0\0");

        texts.ShouldBe(segments.Select(s => s.Text).ToList());
    }

    [Fact]
    public void EachSegmentIsOneChunkWithItsSpecialCharactersEscapedAndItsTokensAsMarkers()
    {
        var batch = ApertiumStreamCodec.Encode(
        [
            new TranslationSegment("0", @"⟦1⟧a [b]⟦2⟧ \ ~ ^$@*/<>{}"),
            new TranslationSegment("1", "x\ny"),
        ]);

        batch.Input.ShouldBe(@"[t0]a \[b\][t1] \\ [t2] \^\$\@\*\/\<\>\{\}[]" + "\0" + "x[t0]y[]\0");
    }

    [Fact]
    public void APlaceholderApertiumDroppedIsPutBackOnceAtTheEnd()
    {
        var batch = ApertiumStreamCodec.Encode([new TranslationSegment("0", "⟦1⟧Hello⟦2⟧")]);

        var texts = ApertiumStreamCodec.Decode(batch, "[t0]Hola [t0][]\0");

        texts.ShouldBe(["⟦1⟧Hola⟦2⟧"]);
    }

    [Fact]
    public void ApertiumsExtraBlanksEscapesAndForeignSuperblanksAreTidied()
    {
        var batch = ApertiumStreamCodec.Encode([new TranslationSegment("7", "The house⟦4⟧ is red.\nReally.")]);

        var texts = ApertiumStreamCodec.Decode(batch, @"  La casa[t0]  es  roja \[sic\] *bonita \<3[x][t9] [t1] De verdad.[]" + "\0\0");

        texts.ShouldBe(["La casa⟦4⟧ es roja [sic] *bonita <3\nDe verdad."]);
    }

    [Fact]
    public void ALowerCaseSourceLowersTheCapitalApertiumGivesEachChunk()
    {
        var batch = ApertiumStreamCodec.Encode(
        [
            new TranslationSegment("0", "⟦1⟧- big⟦2⟧"),
            new TranslationSegment("1", "¿big?"),
            new TranslationSegment("2", "Big"),
            new TranslationSegment("3", "big"),
            new TranslationSegment("4", "3 ..."),
        ]);

        var texts = ApertiumStreamCodec.Decode(batch, " [t0]- Grande[t1][]\0¿Grande?[]\0Grande[]\0grande[]\0 3 ...[]\0");

        texts.ShouldBe(["⟦1⟧- grande⟦2⟧", "¿grande?", "Grande", "grande", "3 ..."]);
    }

    [Fact]
    public void OutputWithAMissingSegmentIsRejected()
    {
        var batch = ApertiumStreamCodec.Encode([new TranslationSegment("0", "One."), new TranslationSegment("1", "Two.")]);

        var error = Should.Throw<ApertiumProcessException>(() => ApertiumStreamCodec.Decode(batch, "Uno. Dos.[]\0\0\0"));
        error.Message.ShouldContain("1 segments for the 2");
    }

    [Fact]
    public void OutputWithAnExtraSegmentIsRejected()
    {
        var batch = ApertiumStreamCodec.Encode([new TranslationSegment("0", "One. Two.")]);

        var error = Should.Throw<ApertiumProcessException>(() => ApertiumStreamCodec.Decode(batch, "Uno.[]\0Dos.[]\0\0"));
        error.Message.ShouldContain("2 segments for the 1");
    }
}

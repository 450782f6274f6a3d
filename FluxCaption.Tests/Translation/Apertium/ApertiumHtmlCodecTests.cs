using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;

namespace FluxCaption.Tests.Translation.Apertium;

public class ApertiumHtmlCodecTests
{
    [Fact]
    public void SegmentsThatComeBackUntouchedDecodeToTheirOwnText()
    {
        TranslationSegment[] segments =
        [
            new("0", "⟦1⟧Tom & Jerry <3⟦2⟧"),
            new("1", ""),
            new("2", "⟦1⟧⟦2⟧"),
            new("3", "First line\nsecond line"),
            new("4", "It's 5 o'clock. Really?"),
        ];

        var batch = ApertiumHtmlCodec.Encode(segments);
        var texts = ApertiumHtmlCodec.Decode(batch, batch.Html);

        texts.ShouldBe(segments.Select(s => s.Text).ToList());
    }

    [Fact]
    public void MarkupInTheTextIsEscapedSoApertiumSeesNoTagsOfItsOwn()
    {
        var batch = ApertiumHtmlCodec.Encode([new TranslationSegment("0", "<i>a</i> & b")]);

        batch.Html.ShouldBe("<p id=\"s0\">&lt;i&gt;a&lt;/i&gt; &amp; b</p>\n");
    }

    [Fact]
    public void APlaceholderApertiumDroppedIsPutBackOnceAtTheEnd()
    {
        var batch = ApertiumHtmlCodec.Encode([new TranslationSegment("0", "⟦1⟧Hello⟦2⟧")]);

        var texts = ApertiumHtmlCodec.Decode(batch, "<p id=\"s0\"><br id=\"t0\">Hola <br id=\"t0\"></p>");

        texts.ShouldBe(["⟦1⟧Hola⟦2⟧"]);
    }

    [Fact]
    public void ApertiumsExtraBlanksAndReserializedTagsAreTidied()
    {
        var batch = ApertiumHtmlCodec.Encode([new TranslationSegment("7", "The house⟦4⟧ is red.")]);

        var texts = ApertiumHtmlCodec.Decode(batch, "<p id='s0'>  La casa<br id=t0 />  es  roja &amp; &quot;bonita&quot;.</wbr></p>");

        texts.ShouldBe(["La casa⟦4⟧ es roja & \"bonita\"."]);
    }

    [Fact]
    public void OutputWithAMissingSegmentIsRejected()
    {
        var batch = ApertiumHtmlCodec.Encode([new TranslationSegment("0", "One."), new TranslationSegment("1", "Two.")]);

        var error = Should.Throw<ApertiumProcessException>(() => ApertiumHtmlCodec.Decode(batch, "<p id=\"s0\">Uno. Dos.</p>"));
        error.Message.ShouldContain("1 segments for the 2");
    }

    [Fact]
    public void OutputWithSegmentsOutOfOrderIsRejected()
    {
        var batch = ApertiumHtmlCodec.Encode([new TranslationSegment("0", "One."), new TranslationSegment("1", "Two.")]);

        Should.Throw<ApertiumProcessException>(() =>
            ApertiumHtmlCodec.Decode(batch, "<p id=\"s1\">Dos.</p><p id=\"s0\">Uno.</p>"));
    }
}

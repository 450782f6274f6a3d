using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Translation;

public class SubtitleMarkupProtectorTests
{
    [Fact]
    public void InlineAssOverridesBecomeNumberedPlaceholdersAndComeBackInPlace()
    {
        var protectedText = SubtitleMarkupProtector.Protect(@"Hello {\i1}world{\i0}!", SubtitleFormat.Ass);

        protectedText.Text.ShouldBe("Hello ⟦1⟧world⟦2⟧!");
        protectedText.Tokens.ShouldBe([@"{\i1}", @"{\i0}"]);
        protectedText.Restore("Hola ⟦1⟧mundo⟦2⟧!").Text.ShouldBe(@"Hola {\i1}mundo{\i0}!");
    }

    [Theory]
    [InlineData(@"{\an8}Top of the screen", SubtitleFormat.Ass, @"{\an8}")]
    [InlineData(@"{\pos(320,50)}{\fad(200,200)}Sign text", SubtitleFormat.Ass, @"{\pos(320,50)}{\fad(200,200)}")]
    [InlineData(@"{\an8}Top of the screen", SubtitleFormat.Srt, @"{\an8}")]
    public void LeadingWholeLineOverridesStayOutOfTheTextAndAreRestoredVerbatim(string cue, SubtitleFormat format, string prefix)
    {
        var protectedText = SubtitleMarkupProtector.Protect(cue, format);

        protectedText.Prefix.ShouldBe(prefix);
        protectedText.Text.ShouldNotContain("{");
        protectedText.Text.ShouldNotContain("⟦");
        protectedText.Restore("Traducido").Text.ShouldBe(prefix + "Traducido");
    }

    [Fact]
    public void AssLineBreaksTravelAsSpacedPlaceholdersAndComeBackWithoutTheSpaces()
    {
        var protectedText = SubtitleMarkupProtector.Protect(@"First line\NSecond line", SubtitleFormat.Ass);

        protectedText.Text.ShouldBe("First line ⟦1⟧ Second line");
        protectedText.Restore("Primera línea ⟦1⟧ Segunda línea").Text.ShouldBe(@"Primera línea\NSegunda línea");
    }

    [Fact]
    public void ATagBeforeALineBreakKeepsTheWordAgainstIt()
    {
        var protectedText = SubtitleMarkupProtector.Protect(@"Hi {\i1}there{\i0}\Nfriend", SubtitleFormat.Ass);

        protectedText.Text.ShouldBe("Hi ⟦1⟧there⟦2⟧ friend");
        protectedText.Restore("Hola ⟦1⟧allí⟦2⟧ amigo").Text.ShouldBe(@"Hola {\i1}allí{\i0}\Namigo");
    }

    [Fact]
    public void AssSoftBreakAndHardSpaceAreProtected()
    {
        var protectedText = SubtitleMarkupProtector.Protect(@"Wait\nfor\h100 km", SubtitleFormat.Ass);

        protectedText.Tokens.ShouldBe([@"\n", @"\h"]);
        protectedText.Restore("Espera ⟦1⟧ durante⟦2⟧100 km").Text.ShouldBe(@"Espera\ndurante\h100 km");
    }

    [Fact]
    public void SrtHtmlTagsIncludingFontWithAttributesAreProtected()
    {
        var cue = "<font color=\"#ff0000\">Red</font> and <b>bold</b>, <u>under</u> <s>gone</s>";

        var protectedText = SubtitleMarkupProtector.Protect(cue, SubtitleFormat.Srt);

        protectedText.Text.ShouldBe("⟦1⟧Red⟦2⟧ and ⟦3⟧bold⟦4⟧, ⟦5⟧under⟦6⟧ ⟦7⟧gone⟦8⟧");
        protectedText.Tokens[0].ShouldBe("<font color=\"#ff0000\">");
        protectedText.Restore("⟦1⟧Rojo⟦2⟧ y ⟦3⟧negrita⟦4⟧, ⟦5⟧debajo⟦6⟧ ⟦7⟧ido⟦8⟧").Text
            .ShouldBe("<font color=\"#ff0000\">Rojo</font> y <b>negrita</b>, <u>debajo</u> <s>ido</s>");
    }

    [Fact]
    public void SrtLineBreaksKeepTheirPositionThroughTranslation()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>I told you\nnot to come.</i>", SubtitleFormat.Srt);

        protectedText.Text.ShouldBe("⟦1⟧I told you ⟦2⟧ not to come.⟦3⟧");
        protectedText.Restore("⟦1⟧Te dije ⟦2⟧ que no vinieras.⟦3⟧").Text.ShouldBe("<i>Te dije\nque no vinieras.</i>");
    }

    [Fact]
    public void NestedTagsNextToEachOtherShareOnePlaceholder()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i><b>Both</b></i> plain", SubtitleFormat.Srt);

        protectedText.Text.ShouldBe("⟦1⟧Both⟦2⟧ plain");
        protectedText.Tokens.ShouldBe(["<i><b>", "</b></i>"]);
        protectedText.Restore("⟦1⟧Ambos⟦2⟧ normal").Text.ShouldBe("<i><b>Ambos</b></i> normal");
    }

    [Fact]
    public void WebVttVoiceClassLanguageRubyAndTimestampTagsAreProtected()
    {
        var cue = "<v.loud Roger Bingham>We are <c.yellow>in</c> <lang fr>Paris</lang> <00:00:01.500><ruby>東<rt>ひがし</rt></ruby>";

        var protectedText = SubtitleMarkupProtector.Protect(cue, SubtitleFormat.WebVtt);

        protectedText.Tokens.ShouldBe([
            "<v.loud Roger Bingham>", "<c.yellow>", "</c>", "<lang fr>", "</lang>", "<00:00:01.500><ruby>", "<rt>", "</rt></ruby>",
        ]);
        protectedText.Text.ShouldBe("⟦1⟧We are ⟦2⟧in⟦3⟧ ⟦4⟧Paris⟦5⟧ ⟦6⟧東⟦7⟧ひがし⟦8⟧");
    }

    [Fact]
    public void UnknownTagsArePlaceholdersButComparisonsAreText()
    {
        var protectedText = SubtitleMarkupProtector.Protect("I <3 you, <invalid_tag>a < b</invalid_tag>", SubtitleFormat.WebVtt);

        protectedText.Text.ShouldBe("I <3 you, ⟦1⟧a < b⟦2⟧");
    }

    [Fact]
    public void WebVttEntitiesAreNotLeftForAnEngineToDecode()
    {
        var protectedText = SubtitleMarkupProtector.Protect("Tom &amp; Jerry", SubtitleFormat.WebVtt);

        protectedText.Text.ShouldBe("Tom ⟦1⟧ Jerry");
        protectedText.Restore("Tom ⟦1⟧ Jerry").Text.ShouldBe("Tom &amp; Jerry");
    }

    [Fact]
    public void PlaceholderBracketsAlreadyInTheSourceAreProtectedToo()
    {
        var protectedText = SubtitleMarkupProtector.Protect("Press ⟦ to start", SubtitleFormat.Srt);

        protectedText.Text.ShouldBe("Press ⟦1⟧ to start");
        protectedText.Restore("Pulsa ⟦1⟧ para empezar").Text.ShouldBe("Pulsa ⟦ para empezar");
    }

    [Fact]
    public void AnAssDrawingInsideALineIsMarkupNotWords()
    {
        var protectedText = SubtitleMarkupProtector.Protect(@"{\p1}m 0 0 l 10 0 10 10{\p0}Label", SubtitleFormat.Ass);

        protectedText.Prefix.ShouldBe(@"{\p1}");
        protectedText.Text.ShouldBe("⟦1⟧Label");
        protectedText.Restore("⟦1⟧Etiqueta").Text.ShouldBe(@"{\p1}m 0 0 l 10 0 10 10{\p0}Etiqueta");
    }

    [Fact]
    public void RestoreFailsWhenAPlaceholderIsLost()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i> there", SubtitleFormat.Srt);

        var result = protectedText.Restore("⟦1⟧Hola allí");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("⟦2⟧");
        result.Error!.ShouldContain("missing");
    }

    [Fact]
    public void RestoreFailsWhenAPlaceholderIsDuplicated()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i> there", SubtitleFormat.Srt);

        var result = protectedText.Restore("⟦1⟧Hola⟦2⟧ ⟦2⟧allí");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("more than once");
    }

    [Fact]
    public void RestoreFailsWhenAPlaceholderIsInvented()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i>", SubtitleFormat.Srt);

        var result = protectedText.Restore("⟦1⟧Hola⟦2⟧⟦3⟧");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("⟦3⟧");
    }

    [Fact]
    public void RestoreFailsWhenPlaceholdersAreSwapped()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i>", SubtitleFormat.Srt);

        var result = protectedText.Restore("⟦2⟧Hola⟦1⟧");

        result.Succeeded.ShouldBeFalse();
        result.Text.ShouldBe("");
    }

    [Fact]
    public void RestoreFailsWhenAPlaceholderIsDamaged()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i>", SubtitleFormat.Srt);

        protectedText.Restore("⟦1⟧Hola⟦2").Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void RestoreAcceptsSpacesInsideAPlaceholder()
    {
        var protectedText = SubtitleMarkupProtector.Protect("<i>Hello</i>", SubtitleFormat.Srt);

        protectedText.Restore("⟦ 1 ⟧Hola⟦2 ⟧").Text.ShouldBe("<i>Hola</i>");
    }

    [Theory]
    [InlineData("", SubtitleFormat.Srt)]
    [InlineData("   \n ", SubtitleFormat.Srt)]
    [InlineData("<i></i>", SubtitleFormat.Srt)]
    [InlineData(@"{\an8}{\i1}", SubtitleFormat.Ass)]
    [InlineData("♪ ♪", SubtitleFormat.Srt)]
    [InlineData("♫", SubtitleFormat.WebVtt)]
    [InlineData("#", SubtitleFormat.Srt)]
    [InlineData("...", SubtitleFormat.Srt)]
    [InlineData("- 42!", SubtitleFormat.Srt)]
    [InlineData(@"{\p1}m 0 0 l 100 0 100 100 0 100{\p0}", SubtitleFormat.Ass)]
    [InlineData(@"{\an7\p2}m 0 0 b 10 10 20 20 30 30", SubtitleFormat.Ass)]
    public void LinesWithoutWordsAreNotTranslatable(string text, SubtitleFormat format)
    {
        SubtitleMarkupProtector.IsTranslatable(new SubtitleCue { Text = text }, format).ShouldBeFalse();
    }

    [Theory]
    [InlineData("♪ Singing in the rain ♪", SubtitleFormat.Srt)]
    [InlineData("<i>Hi</i>", SubtitleFormat.Srt)]
    [InlineData(@"{\p1}m 0 0 l 1 1{\p0}Label", SubtitleFormat.Ass)]
    [InlineData("東京", SubtitleFormat.WebVtt)]
    public void LinesWithWordsAreTranslatable(string text, SubtitleFormat format)
    {
        SubtitleMarkupProtector.IsTranslatable(new SubtitleCue { Text = text }, format).ShouldBeTrue();
    }

    [Fact]
    public void AssCommentEventsAreNeverTranslatable()
    {
        var comment = new SubtitleCue { Text = "Translator note: pun on 'bear'", Ass = new AssEventFields { IsComment = true } };

        SubtitleMarkupProtector.IsTranslatable(comment, SubtitleFormat.Ass).ShouldBeFalse();
    }

    [Fact]
    public void PlainTextDropsMarkupAndTurnsBreaksIntoSpaces()
    {
        SubtitleMarkupProtector.PlainText(@"{\an8}Hello {\i1}you{\i0}\Nthere", SubtitleFormat.Ass).ShouldBe("Hello you there");
    }
}

using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;

namespace FluxCaption.Tests.Libraries;

public sealed class CoverageEvaluatorTests
{
    private static MediaTrack Subtitle(string language, bool text = true) =>
        new() { Kind = MediaTrackKind.Subtitle, Language = language, IsText = text, Codec = text ? "subrip" : "hdmv_pgs_subtitle" };

    [Fact]
    public void ATraditionalChineseTrackDoesNotCoverSimplifiedChinese()
    {
        CoverageEvaluator.Missing([Subtitle("zh-Hant")], ["zh-Hans"], new CoverageRules()).ShouldBe(["zh-Hans"]);
    }

    [Fact]
    public void AUserWhoReadsBothScriptsCanLetTraditionalCoverSimplified()
    {
        var rules = new CoverageRules { Equivalences = ["zh-Hant=zh-Hans"] };

        CoverageEvaluator.Missing([Subtitle("zh-Hant")], ["zh-Hans", "zh-Hant"], rules).ShouldBeEmpty();
        CoverageEvaluator.Missing([Subtitle("zh-Hans")], ["zh-Hant"], rules).ShouldBe(["zh-Hant"]);
    }

    [Fact]
    public void AForcedTrackLeavesTheLanguageMissingUnlessTheSettingsCountIt()
    {
        var forced = Subtitle("fr") with { IsForced = true };

        CoverageEvaluator.Missing([forced], ["fr"], new CoverageRules()).ShouldBe(["fr"]);
        CoverageEvaluator.Missing([forced], ["fr"], new CoverageRules { ForcedCounts = true }).ShouldBeEmpty();
    }

    [Fact]
    public void SdhAndBitmapTracksCoverByDefaultAndNotWhenTheSettingsSaySo()
    {
        var sdh = Subtitle("en") with { IsHearingImpaired = true };
        var pgs = Subtitle("de", text: false);

        CoverageEvaluator.Missing([sdh, pgs], ["en", "de"], new CoverageRules()).ShouldBeEmpty();
        CoverageEvaluator.Missing([sdh, pgs], ["en", "de"], new CoverageRules { HearingImpairedCounts = false, BitmapCounts = false })
            .ShouldBe(["en", "de"]);
    }

    [Fact]
    public void AnAudioTrackInTheLanguageIsNotASubtitle()
    {
        var audio = new MediaTrack { Kind = MediaTrackKind.Audio, Language = "es" };

        CoverageEvaluator.Missing([audio], ["es"], new CoverageRules()).ShouldBe(["es"]);
    }

    [Fact]
    public void WantedLanguagesAreCanonicalisedAndListedOnce()
    {
        CoverageEvaluator.Missing([Subtitle("en")], ["fre", "fr", "eng", "pt-br"], new CoverageRules()).ShouldBe(["fr", "pt-BR"]);
    }

    [Fact]
    public void AGeneralPortugueseTrackDoesNotCoverBrazilianPortuguese()
    {
        CoverageEvaluator.Missing([Subtitle("pt")], ["pt-BR"], new CoverageRules()).ShouldBe(["pt-BR"]);
        CoverageEvaluator.Missing([Subtitle("pt-BR")], ["pt"], new CoverageRules()).ShouldBeEmpty();
    }
}

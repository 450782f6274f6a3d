using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Sources;

namespace FluxCaption.Tests.Libraries.Sources;

public sealed class SourceChooserTests
{
    // Each track's title names it, so a case's expectation reads as the track the user would see picked.
    private static MediaTrack Text(string language, string title, bool external = false, bool forced = false, bool sdh = false, bool ours = false, bool isDefault = false) =>
        new()
        {
            Kind = MediaTrackKind.Subtitle, Language = language, Title = title, Codec = "subrip", IsText = true,
            IsExternal = external, IsForced = forced, IsHearingImpaired = sdh, ProducedByFluxCaption = ours, IsDefault = isDefault,
        };

    private static MediaTrack Bitmap(string language, string title) =>
        new() { Kind = MediaTrackKind.Subtitle, Language = language, Title = title, Codec = "hdmv_pgs_subtitle", IsText = false };

    private static MediaTrack Audio(string language, string title, bool isDefault = false) =>
        new() { Kind = MediaTrackKind.Audio, Language = language, Title = title, Codec = "aac", IsDefault = isDefault };

    public static TheoryData<string, MediaTrack[], string, string[], bool, SourceChoiceKind, string?> Cases => new()
    {
        {
            "a preferred language wins over a language listed earlier in the file",
            [Text("fr", "fr"), Text("en", "en")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "en"
        },
        {
            "preferences are taken in their order",
            [Text("de", "de"), Text("fr", "fr"), Text("en", "en")], "es", ["fr", "en"], false, SourceChoiceKind.TextSubtitle, "fr"
        },
        {
            "an external sidecar beats an embedded track of the same language",
            [Text("en", "embedded"), Text("en", "sidecar", external: true)], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "sidecar"
        },
        {
            "a full track beats a forced one",
            [Text("en", "forced", external: true, forced: true), Text("en", "full")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "full"
        },
        {
            "a plain track beats an SDH one when the target is not SDH",
            [Text("en", "sdh", sdh: true), Text("en", "plain")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "plain"
        },
        {
            "an SDH track beats a plain one when the target is SDH",
            [Text("en", "plain"), Text("en", "sdh", sdh: true)], "es", ["en"], true, SourceChoiceKind.TextSubtitle, "sdh"
        },
        {
            "a forced track is still used when it is the only text",
            [Text("en", "forced", forced: true)], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "forced"
        },
        {
            "without a preferred language any other text subtitle is used",
            [Text("de", "de")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "de"
        },
        {
            "a track of a known language beats an undetermined one",
            [Text("und", "unknown"), Text("it", "it")], "es", [], false, SourceChoiceKind.TextSubtitle, "it"
        },
        {
            "an undetermined track is used when nothing else is text",
            [Text("und", "unknown"), Bitmap("en", "pgs")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "unknown"
        },
        {
            "a track already in the target language is never a source",
            [Text("es", "spanish"), Text("fr", "french")], "es", ["es"], false, SourceChoiceKind.TextSubtitle, "french"
        },
        {
            "a human track in a non-preferred language beats FluxCaption's own translation in a preferred one",
            [Text("en", "ours", external: true, ours: true), Text("de", "human")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "human"
        },
        {
            "FluxCaption's own translation is used when no human text exists",
            [Text("fr", "ours", external: true, ours: true), Bitmap("en", "pgs")], "es", ["en"], false, SourceChoiceKind.TextSubtitle, "ours"
        },
        {
            "only bitmap tracks: the job needs OCR of the preferred one",
            [Bitmap("de", "pgs de"), Bitmap("en", "pgs en")], "es", ["en"], false, SourceChoiceKind.NeedsOcr, "pgs en"
        },
        {
            "a bitmap track in the target language does not count as a source",
            [Bitmap("es", "pgs es"), Audio("en", "audio en")], "es", [], false, SourceChoiceKind.NeedsSpeechRecognition, "audio en"
        },
        {
            "no subtitle: speech recognition of the audio in a preferred language",
            [Audio("de", "audio de", isDefault: true), Audio("en", "audio en")], "es", ["en"], false, SourceChoiceKind.NeedsSpeechRecognition, "audio en"
        },
        {
            "no subtitle and no preference: the default audio track",
            [Audio("de", "audio de"), Audio("ja", "audio ja", isDefault: true)], "es", [], false, SourceChoiceKind.NeedsSpeechRecognition, "audio ja"
        },
        {
            "nothing at all still asks for speech recognition, with no track",
            [], "es", ["en"], false, SourceChoiceKind.NeedsSpeechRecognition, null
        },
        {
            "speech recognition skips a commentary track even in the preferred language",
            [Audio("en", "Director's Commentary", isDefault: true), Audio("en", "audio en 2")], "es", ["en"], false, SourceChoiceKind.NeedsSpeechRecognition, "audio en 2"
        },
        {
            "loose tags are normalised: a preference for 'eng' picks the en track",
            [Text("fr", "fr"), Text("en", "en")], "spa", ["eng"], false, SourceChoiceKind.TextSubtitle, "en"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheChosenSourceFollowsThePreferenceRules(
        string rule, MediaTrack[] tracks, string target, string[] preferred, bool targetIsSdh, SourceChoiceKind kind, string? chosenTitle)
    {
        var choice = SourceChooser.Choose(tracks, target, preferred, targetIsSdh);

        choice.Kind.ShouldBe(kind, rule);
        (choice.Track?.Title).ShouldBe(chosenTitle, rule);
    }

    [Fact]
    public void TheReasonOfABitmapOnlyChoiceSaysItNeedsOcr()
    {
        var choice = SourceChooser.Choose([Bitmap("en", "pgs")], "es", []);

        choice.Reason.ShouldContain("needs OCR");
        choice.Reason.ShouldContain("hdmv_pgs_subtitle");
    }
}

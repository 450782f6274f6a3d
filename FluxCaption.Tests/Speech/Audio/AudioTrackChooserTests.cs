using FluxCaption.Core.Libraries;
using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class AudioTrackChooserTests
{
    private static MediaTrack Audio(string language, string? title = null, bool isDefault = false, bool commentary = false, bool described = false, int index = 0) =>
        new()
        {
            Kind = MediaTrackKind.Audio, Index = index, Language = language, Title = title, Codec = "aac",
            IsDefault = isDefault, IsCommentary = commentary, IsAudioDescription = described,
        };

    [Fact]
    public void TheWantedLanguagesAreTriedInTheirOrder()
    {
        MediaTrack[] tracks = [Audio("de", "German", isDefault: true), Audio("fr", "French"), Audio("en", "English")];

        AudioTrackChooser.Choose(tracks, ["ja", "en", "fr"])!.Title.ShouldBe("English");
    }

    [Fact]
    public void WithoutTheWantedLanguageTheDefaultTrackIsUsedThenTheFirst()
    {
        AudioTrackChooser.Choose([Audio("de", "German"), Audio("fr", "French", isDefault: true)], ["en"])!.Title.ShouldBe("French");
        AudioTrackChooser.Choose([Audio("de", "German"), Audio("fr", "French")], ["en"])!.Title.ShouldBe("German");
    }

    [Fact]
    public void AKnownLanguageIsPreferredToAnUndeterminedOne()
    {
        AudioTrackChooser.Choose([Audio("und", "Track 1"), Audio("it", "Italiano")], [])!.Title.ShouldBe("Italiano");
    }

    [Theory]
    [InlineData("Commentary")]
    [InlineData("Director's Commentary")]
    [InlineData("Director’s commentary with Jane Doe")]
    [InlineData("Audio Description")]
    [InlineData("English (Descriptive)")]
    [InlineData("AD")]
    [InlineData("English [AD]")]
    [InlineData("Kommentar des Regisseurs")]
    [InlineData("Audiodeskription")]
    [InlineData("Commentaire audio")]
    [InlineData("Audiodescription")]
    [InlineData("Comentario del director")]
    [InlineData("导演解说")]
    [InlineData("導演評論")]
    [InlineData("音声解説")]
    [InlineData("감독 해설")]
    public void ATrackTitledAsCommentaryOrDescriptionIsSkipped(string title)
    {
        var chosen = AudioTrackChooser.Choose([Audio("en", title, isDefault: true), Audio("en", "Main", index: 1)], ["en"]);

        chosen!.Title.ShouldBe("Main");
    }

    [Theory]
    [InlineData("Stereo")]
    [InlineData("Advanced 5.1")]
    [InlineData("Headphones mix")]
    [InlineData("Adventure Time dub")]
    public void OrdinaryTitlesAreNotMistakenForCommentary(string title)
    {
        AudioTrackChooser.IsNotDialogue(Audio("en", title)).ShouldBeFalse();
    }

    [Fact]
    public void TheCommentaryAndDescriptionFlagsSkipATrackWhateverItsTitle()
    {
        MediaTrack[] tracks = [Audio("en", "English", isDefault: true, commentary: true), Audio("en", "English 2", described: true), Audio("fr", "Français")];

        AudioTrackChooser.Choose(tracks, ["en"])!.Title.ShouldBe("Français");
    }

    [Fact]
    public void ACommentaryIsStillUsedWhenItIsTheOnlyAudio()
    {
        AudioTrackChooser.Choose([Audio("en", "Commentary")], ["en"])!.Title.ShouldBe("Commentary");
    }

    [Fact]
    public void SubtitleTracksAreNeverChosenAndNoAudioGivesNull()
    {
        var subtitle = new MediaTrack { Kind = MediaTrackKind.Subtitle, Language = "en", Codec = "subrip", IsText = true };

        AudioTrackChooser.Choose([subtitle], ["en"]).ShouldBeNull();
    }
}

using System.Security.Cryptography;
using System.Text;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalWriteBackTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>
{
    private const string Spanish = "1\n00:00:00,500 --> 00:00:01,500\nHola.\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritingToARootWithoutWriteBackIsRefusedAndLeavesNoFile()
    {
        var (root, library, item, source) = await SetUpAsync(writeBack: false);

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token));

        exception.Code.ShouldBe("write_refused");
        exception.Message.ShouldContain("write-back");
        Directory.GetFiles(root).Select(Path.GetFileName).ShouldBe(["Film.mkv"]);
    }

    [Fact]
    public async Task WritingPutsNameLanguageExtensionNextToTheVideoAndReturnsItsSha256()
    {
        var (root, library, item, source) = await SetUpAsync();

        var result = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token);

        result.Path.ShouldBe(Path.Combine(root, "Sub", "Film.es.srt"));
        (await File.ReadAllTextAsync(result.Path!, Token)).ShouldBe(Spanish);
        result.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Spanish))));
        Directory.GetFiles(Path.Combine(root, "Sub"), "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .ShouldBe(["Film.es.srt", "Film.mkv"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("zh-Hans", false, false, SubtitleFormat.Srt, "Film.zh-Hans.srt")]
    [InlineData("pt-BR", true, false, SubtitleFormat.Ass, "Film.pt-BR.forced.ass")]
    [InlineData("eng", false, true, SubtitleFormat.WebVtt, "Film.en.sdh.vtt")]
    [InlineData("fr", true, true, SubtitleFormat.Srt, "Film.fr.forced.sdh.srt")]
    public async Task TheFileNameCarriesTheCanonicalTagAndTheFlagsAndTheNextWalkReadsThemBack(
        string language, bool forced, bool hearingImpaired, SubtitleFormat format, string expectedName)
    {
        var (_, library, item, source) = await SetUpAsync();
        var content = format switch
        {
            SubtitleFormat.Ass => TestMedia.SampleAss,
            SubtitleFormat.WebVtt => "WEBVTT\n\n00:00.500 --> 00:01.500\nHi.\n",
            _ => Spanish,
        };

        var result = await source.Source.WriteSubtitleAsync(library, item, Request(language, content, format, forced, hearingImpaired), Token);
        var reread = (await source.ItemsAsync(library)).Single().Tracks.Single(track => track.IsExternal);

        Path.GetFileName(result.Path).ShouldBe(expectedName);
        (reread.Path, reread.Language, reread.IsForced, reread.IsHearingImpaired).ShouldBe(
            (result.Path, Canonical(language), forced, hearingImpaired));
    }

    [Fact]
    public async Task WritingTheSameContentAgainLeavesTheFileAsItIs()
    {
        var (root, library, item, source) = await SetUpAsync();
        var first = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token);
        var writtenAt = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(first.Path!, writtenAt);

        // A retried write-back: the job crashed before it recorded the first write.
        var second = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token);

        second.ShouldBe(first);
        File.GetLastWriteTimeUtc(second.Path!).ShouldBe(writtenAt);
        Directory.GetFiles(Path.Combine(root, "Sub")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task AFileFluxCaptionDidNotWriteIsNeverOverwritten()
    {
        var (root, library, item, source) = await SetUpAsync();
        var human = LocalMediaFixture.PlaceFile(root, "Sub/Film.es.srt", "1\n00:00:00,000 --> 00:00:01,000\nMine.\n");

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token));

        exception.Code.ShouldBe("sidecar_exists");
        exception.Message.ShouldContain("Film.es.srt");
        (await File.ReadAllTextAsync(human, Token)).ShouldContain("Mine.");
        Directory.GetFiles(Path.Combine(root, "Sub")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task OurPreviousFileIsReplacedWhenItIsUnchanged()
    {
        var (_, library, item, source) = await SetUpAsync();
        var first = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token);
        var better = Spanish.Replace("Hola.", "¡Hola!", StringComparison.Ordinal);

        var second = await source.Source.WriteSubtitleAsync(library, item, Request("es", better, previous: Previous(first)), Token);

        second.Path.ShouldBe(first.Path);
        second.ContentHash.ShouldNotBe(first.ContentHash);
        (await File.ReadAllTextAsync(second.Path!, Token)).ShouldBe(better);
    }

    [Fact]
    public async Task OurPreviousFileIsNotReplacedOnceSomeoneEditedIt()
    {
        var (_, library, item, source) = await SetUpAsync();
        var first = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token);
        await File.AppendAllTextAsync(first.Path!, "\n2\n00:00:02,000 --> 00:00:03,000\nA fix by hand.\n", Token);

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => source.Source.WriteSubtitleAsync(library, item, Request("es", "1\n00:00:00,500 --> 00:00:01,500\nOtra.\n", previous: Previous(first)), Token));

        exception.Code.ShouldBe("sidecar_exists");
        (await File.ReadAllTextAsync(first.Path!, Token)).ShouldContain("A fix by hand.");
    }

    [Fact]
    public async Task OurPreviousFileUnderAnotherNameIsDeletedOnceTheNewOneIsWritten()
    {
        var (root, library, item, source) = await SetUpAsync();
        var forced = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish, forced: true), Token);

        var full = await source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish, previous: Previous(forced, forced: true)), Token);

        File.Exists(forced.Path).ShouldBeFalse();
        Directory.GetFiles(Path.Combine(root, "Sub")).Select(Path.GetFileName).ShouldBe(["Film.es.srt", "Film.mkv"], ignoreOrder: true);
        full.Path.ShouldBe(Path.Combine(root, "Sub", "Film.es.srt"));
    }

    [Fact]
    public async Task WritingForAnItemWhoseVideoIsGoneSaysSo()
    {
        var (root, library, item, source) = await SetUpAsync();
        File.Delete(Path.Combine(root, "Sub", "Film.mkv"));

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => source.Source.WriteSubtitleAsync(library, item, Request("es", Spanish), Token));

        exception.Code.ShouldBe("item_not_found");
    }

    private static string Canonical(string language) => FluxCaption.Core.Languages.LanguageCodes.Normalize(language);

    private static SubtitleWriteRequest Request(
        string language, string content, SubtitleFormat format = SubtitleFormat.Srt, bool forced = false, bool hearingImpaired = false,
        WrittenSubtitleEntity? previous = null) =>
        new(language, format, content, forced, hearingImpaired, previous);

    private static WrittenSubtitleEntity Previous(SubtitleWriteResult result, bool forced = false) => new()
    {
        Id = Guid.NewGuid(),
        Language = "es",
        Format = "srt",
        IsForced = forced,
        Path = result.Path,
        ContentHash = result.ContentHash,
    };

    private async Task<(string Root, LibraryEntity Library, MediaItemEntity Item, LocalMediaFixture.LocalSourceUnderTest Source)> SetUpAsync(bool writeBack = true)
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, writeBack ? "Sub/Film.mkv" : "Film.mkv");
        var library = LocalMediaFixture.Library(root, writeBack);
        var source = media.Source();
        var discovered = (await source.ItemsAsync(library)).Single();
        var item = new MediaItemEntity
        {
            Id = Guid.NewGuid(),
            Source = MediaSourceKind.Local,
            ExternalId = discovered.ExternalId,
            Path = discovered.Path,
            Title = discovered.Title,
            Streams = [.. discovered.Tracks],
        };
        return (root, library, item, source);
    }
}

using System.Text;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalSubtitleFetchTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASidecarIsReadAndDecodedInItsOwnFormat()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        var sidecar = Path.Combine(root, "Film.fr.srt");
        await File.WriteAllBytesAsync(sidecar, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nÇa va très bien.\r\n")], Token);
        var (library, item, source) = await SyncOneAsync(root);

        var fetched = await source.Source.FetchSubtitleAsync(library, item.Entity, item.Sidecar("fr"), Token);

        fetched.Format.ShouldBe(SubtitleFormat.Srt);
        SubtitleParser.Parse(fetched.Content, fetched.Format).Cues.Single().Text.ShouldBe("Ça va très bien.");
    }

    [Fact]
    public async Task AnEmbeddedTrackIsFoundAgainByIdentityAndExtractedEvenWhenItsStoredIndexIsStale()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        var (library, item, source) = await SyncOneAsync(root);
        var stored = item.Embedded("fr") with { Index = 42 };

        var fetched = await source.Source.FetchSubtitleAsync(library, item.Entity, stored, Token);

        fetched.Format.ShouldBe(SubtitleFormat.Ass);
        SubtitleParser.Parse(fetched.Content, fetched.Format).Cues.Select(cue => cue.Text)
            .ShouldBe([@"Bonjour {\i1}à tous{\i0}.", "Comment allez-vous ?"]);
    }

    [Fact]
    public async Task AnEmbeddedTrackIsExtractedFromAFileWhoseNameHasQuotesAccentsAndSpaces()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Ocean's Eleven/Amélie – l'été $HOME (2001).mkv");
        var (library, item, source) = await SyncOneAsync(root);

        var fetched = await source.Source.FetchSubtitleAsync(library, item.Entity, item.Embedded("en"), Token);

        SubtitleParser.Parse(fetched.Content, fetched.Format).Cues.Select(cue => cue.Text).ShouldBe(["Hello there.", "<i>How are you?</i>"]);
    }

    [Fact]
    public async Task AnEmbeddedTrackThatIsNoLongerInTheFileIsReportedAsNotFound()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        var (library, item, source) = await SyncOneAsync(root);
        var gone = item.Embedded("en") with { Language = "de", RawLanguage = "ger" };

        var exception = await Should.ThrowAsync<MediaSourceException>(() => source.Source.FetchSubtitleAsync(library, item.Entity, gone, Token));

        exception.Code.ShouldBe("track_not_found");
    }

    [Fact]
    public async Task ABitmapSidecarIsRefusedAsNeedingOcr()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        await File.WriteAllBytesAsync(Path.Combine(root, "Film.ja.sup"), [0x50, 0x47, 0x00, 0x00], Token);
        var (library, item, source) = await SyncOneAsync(root);

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => source.Source.FetchSubtitleAsync(library, item.Entity, item.Sidecar("ja"), Token));

        exception.Code.ShouldBe("subtitle_bitmap");
        exception.Message.ShouldContain("OCR");
    }

    [Fact]
    public async Task ASidecarPathOutsideTheRootIsRefused()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        var secret = LocalMediaFixture.PlaceFile(media.NewFolder("outside"), "secret.srt");
        var (library, item, source) = await SyncOneAsync(root);
        var planted = new MediaTrack { Kind = MediaTrackKind.Subtitle, Language = "en", Codec = "subrip", IsExternal = true, IsText = true, Path = secret };

        var exception = await Should.ThrowAsync<MediaSourceException>(() => source.Source.FetchSubtitleAsync(library, item.Entity, planted, Token));

        exception.Code.ShouldBe("path_outside_root");
    }

    private async Task<(LibraryEntity Library, SyncedItem Item, LocalMediaFixture.LocalSourceUnderTest Source)> SyncOneAsync(string root)
    {
        var library = LocalMediaFixture.Library(root);
        var source = media.Source();
        var discovered = (await source.ItemsAsync(library)).Single();
        return (library, new SyncedItem(discovered), source);
    }

    private sealed record SyncedItem(DiscoveredMediaItem Discovered)
    {
        public MediaItemEntity Entity { get; } = new()
        {
            Id = Guid.NewGuid(),
            Source = MediaSourceKind.Local,
            ExternalId = Discovered.ExternalId,
            Path = Discovered.Path,
            Title = Discovered.Title,
            Streams = [.. Discovered.Tracks],
        };

        public MediaTrack Sidecar(string language) => Discovered.Tracks.Single(track => track.IsExternal && track.Language == language);

        public MediaTrack Embedded(string language) =>
            Discovered.Tracks.Single(track => !track.IsExternal && track.Kind == MediaTrackKind.Subtitle && track.Language == language);
    }
}

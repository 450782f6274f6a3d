using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalFolderWalkTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>
{
    [Fact]
    public async Task AWalkFindsVideosInNestedFoldersWithForwardSlashIdsAndSkipsHiddenFoldersAndOtherFiles()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Alien (1979)/Alien (1979).mkv");
        media.PlaceVideo(root, "Shows/Dark/Season 1/Dark - S01E02 - Lies.mp4");
        media.PlaceVideo(root, ".hidden/Secret.mkv");
        media.PlaceVideo(root, "@eaDir/Thumb.mkv");
        LocalMediaFixture.PlaceFile(root, "Alien (1979)/poster.jpg", "not a video");
        LocalMediaFixture.PlaceFile(root, "notes.txt", "not a video");

        var items = await media.Source().ItemsAsync(LocalMediaFixture.Library(root));

        items.Select(item => item.ExternalId).ShouldBe(["Alien (1979)/Alien (1979).mkv", "Shows/Dark/Season 1/Dark - S01E02 - Lies.mp4"]);
        var alien = items[0];
        alien.Source.ShouldBe(MediaSourceKind.Local);
        alien.Title.ShouldBe("Alien (1979)");
        alien.Kind.ShouldBe("Video");
        alien.Path.ShouldBe(Path.Combine(root, "Alien (1979)", "Alien (1979).mkv"));
        alien.LibraryId.ShouldBe("films");
        var episode = items[1];
        (episode.SeriesName, episode.SeasonNumber, episode.EpisodeNumber).ShouldBe(("Dark", 1, 2));
    }

    [Fact]
    public async Task EmbeddedTracksComeFromFfprobeWithTheirIndexesAndTheRuntime()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");

        var item = (await media.Source().ItemsAsync(LocalMediaFixture.Library(root))).Single();

        item.Tracks.Select(track => (track.Kind, track.Index, track.Language, track.Codec, track.IsForced, track.IsExternal)).ShouldBe(
        [
            (MediaTrackKind.Audio, 1, "en", "aac", false, false),
            (MediaTrackKind.Subtitle, 2, "en", "subrip", false, false),
            (MediaTrackKind.Subtitle, 3, "fr", "ass", true, false),
        ]);
        item.Runtime.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(1.5);
    }

    [Fact]
    public async Task SidecarNamesGiveTheLanguageAndTheForcedAndHearingImpairedFlags()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        foreach (var name in new[]
        {
            "Film.srt", "Film.en.srt", "Film.fr.forced.srt", "Film.de.sdh.srt", "Film.es.cc.ass", "Film.it.hi.vtt",
            "Film.pt-BR.forced.sdh.srt", "Film.hi.srt", "Film.chi.srt", "Film.chi.Traditional.srt", "Film.English.ssa",
            "Film.ja.sup", "Film.ko.idx", "Film.ko.sub",
        })
        {
            LocalMediaFixture.PlaceFile(root, name);
        }

        var item = (await media.Source().ItemsAsync(LocalMediaFixture.Library(root))).Single();

        item.Tracks.Where(track => track.IsExternal)
            .Select(track => (Path.GetFileName(track.Path), track.Language, track.IsForced, track.IsHearingImpaired, track.IsText, track.Codec))
            .ShouldBe(
            [
                ("Film.chi.Traditional.srt", "zh-Hant", false, false, true, "subrip"),
                ("Film.chi.srt", "zh-Hans", false, false, true, "subrip"),
                ("Film.de.sdh.srt", "de", false, true, true, "subrip"),
                ("Film.en.srt", "en", false, false, true, "subrip"),
                ("Film.English.ssa", "en", false, false, true, "ssa"),
                ("Film.es.cc.ass", "es", false, true, true, "ass"),
                ("Film.fr.forced.srt", "fr", true, false, true, "subrip"),
                ("Film.hi.srt", "hi", false, false, true, "subrip"),
                ("Film.it.hi.vtt", "it", false, true, true, "webvtt"),
                ("Film.ja.sup", "ja", false, false, false, "hdmv_pgs_subtitle"),
                ("Film.ko.idx", "ko", false, false, false, "dvd_subtitle"),
                ("Film.pt-BR.forced.sdh.srt", "pt-BR", true, true, true, "subrip"),
                ("Film.srt", "und", false, false, true, "subrip"),
            ], ignoreOrder: true);
        item.Tracks.Where(track => track.IsExternal).ShouldAllBe(track => track.Index == null && track.Kind == MediaTrackKind.Subtitle);
    }

    [Fact]
    public async Task ASidecarBelongsToTheVideoWithTheLongestMatchingName()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        media.PlaceVideo(root, "Film.Part2.mkv");
        LocalMediaFixture.PlaceFile(root, "Film.en.srt");
        LocalMediaFixture.PlaceFile(root, "Film.Part2.de.srt");
        LocalMediaFixture.PlaceFile(root, "Film 2.fr.srt");

        var items = await media.Source().ItemsAsync(LocalMediaFixture.Library(root));

        items.Single(item => item.ExternalId == "Film.mkv").Tracks.Where(track => track.IsExternal).Select(track => track.Language).ShouldBe(["en"]);
        items.Single(item => item.ExternalId == "Film.Part2.mkv").Tracks.Where(track => track.IsExternal).Select(track => track.Language).ShouldBe(["de"]);
    }

    [Fact]
    public async Task ItemsComeInPagesOfAtMostThePageSizeAllWithTheListingTime()
    {
        var root = media.NewFolder();
        for (var number = 1; number <= 5; number++)
        {
            media.PlaceVideo(root, $"Film {number}.mkv");
        }

        var before = DateTimeOffset.UtcNow;
        var pages = await media.Source(pageSize: 2).SyncAsync(LocalMediaFixture.Library(root));

        pages.Select(page => page.Items.Count).ShouldBe([2, 2, 1]);
        pages.Select(page => page.ServerTime).Distinct().Single().ShouldNotBeNull().ShouldBeInRange(before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AnEmptyRootGivesOneEmptyPageWithTheListingTime()
    {
        var pages = await media.Source().SyncAsync(LocalMediaFixture.Library(media.NewFolder()));

        pages.Single().Items.ShouldBeEmpty();
        pages.Single().ServerTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task AMissingRootIsReportedAsNotFound()
    {
        var library = LocalMediaFixture.Library(Path.Combine(media.NewFolder(), "gone"));

        var exception = await Should.ThrowAsync<MediaSourceException>(() => media.Source().ItemsAsync(library));

        exception.Code.ShouldBe("root_not_found");
    }
}

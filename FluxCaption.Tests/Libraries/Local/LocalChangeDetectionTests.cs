using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalChangeDetectionTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>
{
    [Fact]
    public async Task UnchangedVideosAreNotProbedAgainAndKeepTheirTracks()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "One.mkv");
        media.PlaceVideo(root, "Two.mkv");
        var library = LocalMediaFixture.Library(root);
        var source = media.Source();
        var first = await source.ItemsAsync(library);

        var second = await source.ItemsAsync(library);

        source.Probe.Count.ShouldBe(2);
        second.Select(item => item.ChangeTag).ShouldBe(first.Select(item => item.ChangeTag));
        second.Select(item => item.Tracks.Count).ShouldBe([3, 3]);
    }

    [Fact]
    public async Task AModifiedVideoIsProbedAgainAndGetsANewTag()
    {
        var root = media.NewFolder();
        var one = media.PlaceVideo(root, "One.mkv");
        media.PlaceVideo(root, "Two.mkv");
        var library = LocalMediaFixture.Library(root);
        var source = media.Source();
        var first = await source.ItemsAsync(library);

        File.SetLastWriteTimeUtc(one, DateTime.UtcNow.AddMinutes(1));
        var second = await source.ItemsAsync(library);

        source.Probe.Count.ShouldBe(3);
        second[0].ChangeTag.ShouldNotBe(first[0].ChangeTag);
        second[1].ChangeTag.ShouldBe(first[1].ChangeTag);
    }

    [Fact]
    public async Task ANewSidecarChangesTheTagWithoutProbingTheVideoAgain()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "One.mkv");
        var library = LocalMediaFixture.Library(root);
        var source = media.Source();
        var first = (await source.ItemsAsync(library)).Single();

        LocalMediaFixture.PlaceFile(root, "One.es.srt");
        var second = (await source.ItemsAsync(library)).Single();

        source.Probe.Count.ShouldBe(1);
        second.ChangeTag.ShouldNotBe(first.ChangeTag);
        second.Tracks.Where(track => !track.IsExternal).ShouldBe(first.Tracks);
        second.Tracks.Single(track => track.IsExternal).Language.ShouldBe("es");
    }

    [Fact]
    public async Task AnUnreadableVideoIsListedWithoutEmbeddedTracksAndProbedAgainNextTime()
    {
        var root = media.NewFolder();
        LocalMediaFixture.PlaceFile(root, "Broken.mkv", "still copying...");
        LocalMediaFixture.PlaceFile(root, "Broken.en.srt");
        var library = LocalMediaFixture.Library(root);
        var source = media.Source();

        var first = (await source.ItemsAsync(library)).Single();
        await source.ItemsAsync(library);

        first.Tracks.ShouldHaveSingleItem().IsExternal.ShouldBeTrue();
        source.Probe.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AnIncrementalReadListsOnlyVideosChangedSinceTheWatermark()
    {
        var root = media.NewFolder();
        var old = DateTime.UtcNow.AddDays(-2);
        foreach (var name in new[] { "Old/Old.mkv", "Touched/Touched.mkv", "NewSidecar/NewSidecar.mkv" })
        {
            File.SetLastWriteTimeUtc(media.PlaceVideo(root, name), old);
        }

        var watermark = DateTimeOffset.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(Path.Combine(root, "Touched", "Touched.mkv"), DateTime.UtcNow);
        LocalMediaFixture.PlaceFile(root, "NewSidecar/NewSidecar.fr.srt");
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "Old"), old);
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "Touched"), old);

        var items = await media.Source().ItemsAsync(LocalMediaFixture.Library(root), watermark);

        items.Select(item => item.ExternalId).ShouldBe(["NewSidecar/NewSidecar.mkv", "Touched/Touched.mkv"]);
    }
}

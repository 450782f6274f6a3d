using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalPathConfinementTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWalkSkipsALinkToAVideoOutsideTheRoot()
    {
        var root = media.NewFolder();
        var outside = media.NewFolder("outside");
        media.PlaceVideo(root, "Inside.mkv");
        var secret = media.PlaceVideo(outside, "Secret.mkv");
        File.CreateSymbolicLink(Path.Combine(root, "Linked.mkv"), secret);

        var items = await media.Source().ItemsAsync(LocalMediaFixture.Library(root));

        items.Select(item => item.ExternalId).ShouldBe(["Inside.mkv"]);
    }

    [Fact]
    public async Task AWalkSkipsALinkedSubfolderThatLeadsOutsideTheRootButFollowsOneThatStaysInside()
    {
        var root = media.NewFolder();
        var outside = media.NewFolder("outside");
        media.PlaceVideo(outside, "Secret.mkv");
        media.PlaceVideo(root, "Real/Film.mkv");
        Directory.CreateSymbolicLink(Path.Combine(root, "Escape"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "Alias"), Path.Combine(root, "Real"));
        // A link back to the root itself must not make the walk go round forever.
        Directory.CreateSymbolicLink(Path.Combine(root, "Real", "Loop"), root);

        var items = await media.Source().ItemsAsync(LocalMediaFixture.Library(root));

        // "Alias" and "Real" are the same folder: it is read once, under the first name in order.
        items.Select(item => item.ExternalId).ShouldBe(["Alias/Film.mkv"]);
    }

    [Fact]
    public async Task ReadingAnItemWithDotDotInItsIdIsRefused()
    {
        var root = media.NewFolder();
        var outside = media.NewFolder("outside");
        media.PlaceVideo(outside, "Secret.mkv");
        var escape = $"../{Path.GetFileName(outside)}/Secret.mkv";

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => media.Source().Source.ReadItemAsync(LocalMediaFixture.Library(root), escape, Token));

        exception.Code.ShouldBe("path_outside_root");
    }

    [Fact]
    public async Task ReadingAnItemByAnAbsolutePathIsRefused()
    {
        var root = media.NewFolder();
        var video = media.PlaceVideo(root, "Film.mkv");

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => media.Source().Source.ReadItemAsync(LocalMediaFixture.Library(root), video, Token));

        exception.Code.ShouldBe("path_outside_root");
    }

    [Fact]
    public async Task ReadingAnItemThroughALinkedSubfolderLeadingOutsideIsRefused()
    {
        var root = media.NewFolder();
        var outside = media.NewFolder("outside");
        media.PlaceVideo(outside, "Secret.mkv");
        Directory.CreateSymbolicLink(Path.Combine(root, "Escape"), outside);

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => media.Source().Source.ReadItemAsync(LocalMediaFixture.Library(root), "Escape/Secret.mkv", Token));

        exception.Code.ShouldBe("path_outside_root");
    }

    [Fact]
    public async Task ReadingAnItemThatIsALinkToAFileOutsideIsRefused()
    {
        var root = media.NewFolder();
        var secret = media.PlaceVideo(media.NewFolder("outside"), "Secret.mkv");
        File.CreateSymbolicLink(Path.Combine(root, "Linked.mkv"), secret);

        var exception = await Should.ThrowAsync<MediaSourceException>(
            () => media.Source().Source.ReadItemAsync(LocalMediaFixture.Library(root), "Linked.mkv", Token));

        exception.Code.ShouldBe("path_outside_root");
    }

    [Fact]
    public async Task ReadingAnItemInsideTheRootProbesItAfresh()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Sub/Film.mkv");
        LocalMediaFixture.PlaceFile(root, "Sub/Film.de.srt");
        var source = media.Source();

        var item = await source.Source.ReadItemAsync(LocalMediaFixture.Library(root), "Sub/Film.mkv", Token);

        item.ShouldNotBeNull().Tracks.Count(track => track.Kind == MediaTrackKind.Subtitle).ShouldBe(3);
        source.Probe.Count.ShouldBe(1);
        (await source.Source.ReadItemAsync(LocalMediaFixture.Library(root), "Sub/Missing.mkv", Token)).ShouldBeNull();
    }
}

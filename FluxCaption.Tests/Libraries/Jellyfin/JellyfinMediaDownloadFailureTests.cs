using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Libraries.Jellyfin;

/// <summary>
/// How a media download from a Jellyfin "in a container" fails: always with a <see cref="MediaSourceException"/>
/// that says what to do, and never leaving a file behind in the temp folder.
/// </summary>
public sealed class JellyfinMediaDownloadFailureTests : IAsyncDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-download-fail-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        _temp.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AConnectionThatKeepsDroppingFailsAfterTheLastResumeAndLeavesNoFile()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadMaxResumes"] = "1" });
        var item = await host.StoredAsync(host.Movie);
        host.Server.BodyFaultBytes = 1_000;
        host.Server.Fail(JellyfinFault.DropBody, times: 5, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");

        var failure = await Should.ThrowAsync<MediaSourceException>(() => host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel));

        failure.Code.ShouldBe("source_unreachable");
        failure.Message.ShouldContain("broke off 2 times");
        host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream").Count.ShouldBe(2);
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnreachableServerGivesSourceUnreachableAndLeavesNoFile()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        await host.Server.StopAsync();

        var failure = await Should.ThrowAsync<MediaSourceException>(() => Downloader(host).DownloadAsync(
            new JellyfinMediaFile(host.Movie.Id, host.Movie.Id, "Movie", "/media/movies/Movie.mkv"), _temp.FullName, Cancel));

        failure.Code.ShouldBe("source_unreachable");
        failure.Message.ShouldContain(host.Server.Endpoint.ToString());
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ARefusedKeyOnTheStreamGivesSourceUnauthorized()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        host.Connections.Connection = new JellyfinConnection(host.Server.Endpoint, "not-the-key");

        var failure = await Should.ThrowAsync<MediaSourceException>(() => Downloader(host).DownloadAsync(
            new JellyfinMediaFile(host.Movie.Id, host.Movie.Id, "Movie", "/media/movies/Movie.mkv"), _temp.FullName, Cancel));

        failure.Code.ShouldBe("source_unauthorized");
        failure.Message.ShouldContain("401");
        failure.Message.ShouldNotContain("not-the-key");
        host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream").ShouldHaveSingleItem().StatusCode.ShouldBe(401);
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnItemJellyfinDoesNotHaveGivesItemNotFound()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        const string unknown = "0123456789abcdef0123456789abcdef";

        var failure = await Should.ThrowAsync<MediaSourceException>(() => Downloader(host).DownloadAsync(
            new JellyfinMediaFile(unknown, unknown, "Gone", "/media/movies/Gone.mkv"), _temp.FullName, Cancel));

        failure.Code.ShouldBe("item_not_found");
        failure.Message.ShouldContain("404");
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task CancellingADownloadRemovesThePartialFile()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        var item = await host.StoredAsync(host.Movie);
        host.Server.BodyFaultBytes = 10_000;
        host.Server.Fail(JellyfinFault.StallBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var download = host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, cancel.Token);
        var partial = await host.StartedDownloadAsync(_temp, host.Movie);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => download);
        partial.Name.ShouldEndWith(".partial");
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task WithDownloadingSwitchedOffAnUnmountedItemIsNotReadable()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:DownloadMediaWhenNotMounted"] = "false" });
        var item = await host.StoredAsync(host.Movie);

        var failure = await Should.ThrowAsync<MediaSourceException>(() => host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel));

        failure.Code.ShouldBe(MediaFileAccessCodes.NotReadable);
        failure.Message.ShouldContain(item.Path!);
        failure.Message.ShouldContain("Jellyfin:DownloadMediaWhenNotMounted");
        host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream").ShouldBeEmpty();
    }

    [Fact]
    public async Task TooLittleFreeSpaceFailsBeforeTheBodyAndNamesTheFolderAndTheSizes()
    {
        // More than any disk holds must stay free, so every download is too big.
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadReserveBytes"] = (1L << 60).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var item = await host.StoredAsync(host.Movie);
        var size = new FileInfo(host.Movie.Path).Length;

        var failure = await Should.ThrowAsync<MediaSourceException>(() => host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel));

        failure.Code.ShouldBe(MediaFileAccessCodes.NotReadable);
        failure.Message.ShouldContain(_temp.FullName);
        failure.Message.ShouldContain($"the file is {size} bytes");
        failure.Message.ShouldContain("1073741824 GiB must stay free");
        _temp.GetFiles().ShouldBeEmpty();
    }

    private static JellyfinMediaDownloader Downloader(JellyfinTestHost host) => host.Services.GetRequiredService<JellyfinMediaDownloader>();
}

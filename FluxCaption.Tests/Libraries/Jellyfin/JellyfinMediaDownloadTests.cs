using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.Libraries.Jellyfin;

/// <summary>
/// <see cref="JellyfinMediaSource.OpenMediaFileAsync"/> against a scripted Jellyfin "in a container": it reports
/// its media under a folder this host does not have, so the worker has to download the file.
/// </summary>
public sealed class JellyfinMediaDownloadTests : IAsyncDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-download-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        _temp.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AnItemWhosePathIsNotMountedHereIsDownloadedWholeAndTheCopyGoesOnDispose()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        var item = await host.StoredAsync(host.Movie);

        var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);
        var copied = await File.ReadAllBytesAsync(access.Path, Cancel);
        await access.DisposeAsync();

        item.Path.ShouldBe($"{host.Server.ContainerMount!.Value.ReportedFolder}/Movie/Movie.mkv");
        access.IsTemporaryCopy.ShouldBeTrue();
        Path.GetDirectoryName(access.Path).ShouldBe(_temp.FullName);
        Path.GetExtension(access.Path).ShouldBe(".mkv");
        copied.ShouldBe(await File.ReadAllBytesAsync(host.Movie.Path, Cancel));
        var download = host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream").ShouldHaveSingleItem();
        download.Query("static").ShouldBe("true");
        download.Query("mediaSourceId").ShouldBe(host.Movie.Id);
        download.Header("Authorization")!.ShouldStartWith("MediaBrowser ");
        _temp.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task APathThatExistsHereIsReadInPlaceWithoutAskingJellyfin()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);
        var requestsBefore = host.Server.Requests.Count;

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        access.IsTemporaryCopy.ShouldBeFalse();
        access.Path.ShouldBe(host.Movie.Path);
        host.Server.Requests.Count.ShouldBe(requestsBefore);
    }

    [Fact]
    public async Task ADroppedConnectionIsResumedWithARangeAndTheCopyIsIdentical()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        var item = await host.StoredAsync(host.Movie);
        var original = await File.ReadAllBytesAsync(host.Movie.Path, Cancel);
        host.Server.BodyFaultBytes = original.Length / 3;
        host.Server.Fail(JellyfinFault.DropBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        (await File.ReadAllBytesAsync(access.Path, Cancel)).ShouldBe(original);
        var downloads = host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream");
        downloads.Count.ShouldBe(2);
        downloads[0].Header("Range").ShouldBeNull();
        downloads[1].Header("Range").ShouldBe($"bytes={original.Length / 3}-");
        downloads[1].Header("If-Range").ShouldNotBeNull();
        downloads[1].StatusCode.ShouldBe(206);
    }

    [Fact]
    public async Task AStalledBodyIsGivenUpAfterTheStallTimeoutAndResumed()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadStallTimeout"] = "00:00:00.400" });
        var item = await host.StoredAsync(host.Movie);
        host.Server.BodyFaultBytes = 10_000;
        host.Server.Fail(JellyfinFault.StallBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        (await File.ReadAllBytesAsync(access.Path, Cancel)).ShouldBe(await File.ReadAllBytesAsync(host.Movie.Path, Cancel));
        host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream")[1].Header("Range").ShouldBe("bytes=10000-");
    }

    [Fact]
    public async Task AFileThatChangedBeforeTheResumeIsDownloadedAgainFromTheStart()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadStallTimeout"] = "00:00:01" });
        var item = await host.StoredAsync(host.Movie);
        host.Server.BodyFaultBytes = 10_000;
        host.Server.Fail(JellyfinFault.StallBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");
        var download = host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);
        await host.StartedDownloadAsync(_temp, host.Movie);
        File.SetLastWriteTimeUtc(host.Movie.Path, DateTime.UtcNow.AddHours(1));
        await using var access = await download;

        (await File.ReadAllBytesAsync(access.Path, Cancel)).ShouldBe(await File.ReadAllBytesAsync(host.Movie.Path, Cancel));
        var downloads = host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream");
        downloads.Count.ShouldBe(2);
        downloads[1].Header("Range").ShouldBe("bytes=10000-");
        downloads[1].StatusCode.ShouldBe(200);
        host.Logs.Lines.ShouldContain($"Jellyfin sent item {host.Movie.Id} whole instead of resuming at byte 10000; starting over");
    }

    [Fact]
    public async Task ASlowButSteadyBodyIsCutOffNeitherByTheStallTimeoutNorByTheJsonCallsTimeouts()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadStallTimeout"] = "00:00:01" });
        var item = await host.StoredAsync(host.Movie);
        var size = new FileInfo(host.Movie.Path).Length;
        host.Server.TrickleChunkBytes = (int)(size / 16) + 1;
        host.Server.TrickleDelay = TimeSpan.FromMilliseconds(150);
        host.Server.Fail(JellyfinFault.TrickleBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");
        var started = DateTimeOffset.UtcNow;

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        // Longer than the JSON client's attempt timeout (2 s in the test host), which must not apply to downloads.
        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThan(TimeSpan.FromSeconds(2));
        new FileInfo(access.Path).Length.ShouldBe(size);
        host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ADownloadLogsItsProgressInTenthsAndNeverTheKey()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync();
        var item = await host.StoredAsync(host.Movie);
        var size = new FileInfo(host.Movie.Path).Length;
        host.Server.TrickleChunkBytes = (int)(size / 20) + 1;
        host.Server.TrickleDelay = TimeSpan.FromMilliseconds(30);
        host.Server.Fail(JellyfinFault.TrickleBody, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        var progress = host.Logs.Lines.Where(line => line.StartsWith($"Downloading Jellyfin item {host.Movie.Id}:", StringComparison.Ordinal)).ToList();
        progress.Count.ShouldBe(10);
        progress[^1].ShouldBe($"Downloading Jellyfin item {host.Movie.Id}: 100% ({size} of {size} bytes)");
        host.Logs.Lines.ShouldContain(line => line.StartsWith($"Downloaded Jellyfin item {host.Movie.Id} ({size} bytes)", StringComparison.Ordinal));
        host.Logs.Lines.ShouldNotContain(line => line.Contains(host.Server.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStreamRequestLeftUnansweredIsSentAgainByTheConnectionRetry()
    {
        await using var host = await JellyfinTestHost.StartInContainerAsync(new() { ["Jellyfin:MediaDownloadStallTimeout"] = "00:00:01" });
        var item = await host.StoredAsync(host.Movie);
        host.Server.Fail(JellyfinFault.Hang, pathStartsWith: $"/Videos/{host.Movie.Id}/stream");

        await using var access = await host.Source.OpenMediaFileAsync(host.LibraryEntity(), item, _temp.FullName, Cancel);

        (await File.ReadAllBytesAsync(access.Path, Cancel)).ShouldBe(await File.ReadAllBytesAsync(host.Movie.Path, Cancel));
        var downloads = host.Server.RequestsTo("GET", $"/Videos/{host.Movie.Id}/stream");
        downloads.Count.ShouldBe(2);
        downloads[1].Header("Range").ShouldBeNull();
    }
}

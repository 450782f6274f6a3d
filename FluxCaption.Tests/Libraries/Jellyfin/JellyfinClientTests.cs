using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinClientTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAuthenticatedCallCarriesTheMediaBrowserHeaderWithAStableDeviceAndNoLegacyForm()
    {
        await using var host = await JellyfinTestHost.StartAsync();

        await host.Client.GetVirtualFoldersAsync(Cancel);
        await host.Client.GetItemAsync(host.Movie.Id, Cancel);
        await host.Client.GetSystemInfoAsync(host.Connection, Cancel);

        var requests = host.Server.Requests;
        requests.Count.ShouldBe(3);
        foreach (var request in requests)
        {
            var authorization = request.Header("Authorization")!;
            authorization.ShouldStartWith("MediaBrowser ");
            authorization.ShouldContain("Client=\"FluxCaption\"");
            authorization.ShouldContain($"Token=\"{host.Server.ApiKey}\"");
            authorization.ShouldMatch("DeviceId=\"[0-9a-f]{32}\"");
            request.Header("X-Emby-Token").ShouldBeNull();
            request.Header("X-Emby-Authorization").ShouldBeNull();
            request.QueryString.ShouldNotContain("api_key", Case.Insensitive);
        }

        requests.Select(r => r.Header("Authorization")).Distinct().Count().ShouldBe(1);
        requests.Select(r => r.StatusCode).ShouldAllBe(status => status == 200);
    }

    [Fact]
    public async Task TheConnectionIsReadFromTheSettingsOnEveryCall()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        await using var other = await ScriptedJellyfinServer.StartAsync(Cancel);
        other.AddLibrary("Series", "/media/series", "tvshows");

        (await host.Client.GetVirtualFoldersAsync(Cancel)).Select(f => f.Name).ShouldBe(["Movies"]);
        host.Connections.Connection = new JellyfinConnection(other.Endpoint, other.ApiKey);
        (await host.Client.GetVirtualFoldersAsync(Cancel)).Select(f => f.Name).ShouldBe(["Series"]);
    }

    [Fact]
    public async Task WithNoServerConfiguredACallFailsSayingSo()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        host.Connections.Connection = null;

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Client.GetVirtualFoldersAsync(Cancel));

        error.Code.ShouldBe("source_not_configured");
        host.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task OneItemIsFetchedWithIdsBecauseTheItemPathRefusesAnApiKey()
    {
        await using var host = await JellyfinTestHost.StartAsync();

        var item = await host.Client.GetItemAsync(host.Movie.Id, Cancel);

        item!.Path.ShouldBe(host.Movie.Path);
        item.MediaStreams!.Count.ShouldBe(8);
        item.Etag.ShouldNotBeNullOrEmpty();
        var request = host.Server.Requests.Single();
        request.Path.ShouldBe("/Items");
        request.Query("ids").ShouldBe(host.Movie.Id);
        request.Query("fields")!.Split(',').ShouldContain("MediaStreams");
        request.Query("fields")!.Split(',').ShouldContain("Path");
        (await host.Client.GetItemAsync("0123456789abcdef0123456789abcdef", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task AGetAnswered500IsRetriedUntilItSucceeds()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        host.Server.Fail(JellyfinFault.ServerError, times: 2, method: "GET", pathStartsWith: "/Items");

        var item = await host.Client.GetItemAsync(host.Movie.Id, Cancel);

        item!.Id.ShouldBe(host.Movie.Id);
        host.Server.RequestsTo("GET", "/Items").Select(r => r.StatusCode).ShouldBe([500, 500, 200]);
    }

    [Fact]
    public async Task AGetThatNeverAnswersIsAbandonedAfterTheAttemptTimeoutAndRetried()
    {
        await using var host = await JellyfinTestHost.StartAsync(new() { ["Jellyfin:AttemptTimeout"] = "00:00:00.500" });
        host.Server.Fail(JellyfinFault.Hang, times: 1, method: "GET", pathStartsWith: "/Items");

        var item = await host.Client.GetItemAsync(host.Movie.Id, Cancel);

        item.ShouldNotBeNull();
        host.Server.RequestsTo("GET", "/Items").Count.ShouldBe(2);
    }

    [Fact]
    public async Task AnUploadAnswered500IsNotRetried()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        host.Server.Fail(JellyfinFault.ServerError, times: 1, method: "POST");

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Client.UploadSubtitleAsync(
            host.Movie.Id, new JellyfinSubtitleUpload("fra", "srt", false, false, "MQ=="), Cancel));

        error.Code.ShouldBe("source_error");
        host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUploadThatTimesOutIsNotRetried()
    {
        await using var host = await JellyfinTestHost.StartAsync(new() { ["Jellyfin:AttemptTimeout"] = "00:00:00.500" });
        host.Server.Fail(JellyfinFault.Hang, times: 1, method: "POST");

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Client.UploadSubtitleAsync(
            host.Movie.Id, new JellyfinSubtitleUpload("fra", "srt", false, false, "MQ=="), Cancel));

        error.Code.ShouldBe("source_timeout");
        host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Count.ShouldBe(1);
    }

    [Fact]
    public async Task ADeleteAnswered500IsNotRetried()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        host.Server.Fail(JellyfinFault.ServerError, times: 1, method: "DELETE");

        await Should.ThrowAsync<MediaSourceException>(() => host.Client.DeleteSubtitleAsync(host.Movie.Id, 0, Cancel));

        host.Server.RequestsTo("DELETE", "/Videos/[0-9a-f]+/Subtitles/0").Count.ShouldBe(1);
        File.Exists(host.MoviePath("Movie.spa.srt")).ShouldBeTrue();
    }

    [Fact]
    public async Task AWrongKeyFailsAsUnauthorizedAndAnUnreachableServerAsUnreachable()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        host.Connections.Connection = new JellyfinConnection(host.Server.Endpoint, "not-the-key");

        (await Should.ThrowAsync<MediaSourceException>(() => host.Client.GetVirtualFoldersAsync(Cancel))).Code.ShouldBe("source_unauthorized");

        host.Connections.Connection = host.Connection;
        await host.Server.StopAsync();
        (await Should.ThrowAsync<MediaSourceException>(() => host.Client.GetVirtualFoldersAsync(Cancel))).Code.ShouldBe("source_unreachable");
    }

    [Fact]
    public async Task ARefreshMakesASidecarWeWroteOurselvesVisible()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        await File.WriteAllTextAsync(host.MoviePath("Movie.ita.srt"), TestServers.ScriptedJellyfin.ScriptedJellyfinMedia.SpanishSrt, Cancel);

        await host.Client.RefreshItemAsync(host.Movie.Id, Cancel);
        await Task.Delay(host.Server.RefreshDelay * 2, Cancel);

        var item = await host.Client.GetItemAsync(host.Movie.Id, Cancel);
        item!.MediaStreams!.Where(s => s.IsExternal).Select(s => s.Language).ShouldBe(["ita", "spa"]);
        host.Server.RequestsTo("POST", "/Items/[0-9a-f]+/Refresh").Single().Query("imageRefreshMode").ShouldBe("None");
    }
}

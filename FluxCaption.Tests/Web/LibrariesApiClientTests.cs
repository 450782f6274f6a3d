using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The Libraries page's Api calls against the real Api in-process.</summary>
public sealed class LibrariesApiClientTests(PostgresServer postgres, RedisServer redis) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fluxcaption-weblib-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFolderIsAddedOnceAndAnOverlappingOrMissingFolderIsRefusedWithTheReason()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        var movies = Directory.CreateDirectory(Path.Combine(_folder, "Movies")).FullName;

        var added = await client.AddLocalLibraryAsync(new NewLocalLibrary("Movies", movies, WriteBack: true), Ct);

        (added.Source, added.Name, added.Path, added.WriteBack, added.Enabled).ShouldBe(("local", "Movies", movies, true, true));
        (await client.ListLibrariesAsync(Ct)).Select(l => l.Id).ShouldBe([added.Id]);
        var overlap = await Should.ThrowAsync<ApiProblemException>(
            () => client.AddLocalLibraryAsync(new NewLocalLibrary("Inner", Path.Combine(movies, "."), false), Ct));
        overlap.StatusCode.ShouldBe(409);
        overlap.Detail.ShouldNotBeNull().ShouldContain("Movies");
        var missing = await Should.ThrowAsync<ApiProblemException>(
            () => client.AddLocalLibraryAsync(new NewLocalLibrary("Nope", Path.Combine(_folder, "nope"), false), Ct));
        missing.Errors["path"][0].ShouldContain("does not exist");
    }

    [Fact]
    public async Task ASyncTheApiStoredButHasNotStartedIsListedAsWaitingForEveryReader()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        var movies = await client.AddLocalLibraryAsync(new NewLocalLibrary("Movies", Directory.CreateDirectory(Path.Combine(_folder, "Movies")).FullName, false), Ct);
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<FluxCaption.Core.Data.FluxCaptionDbContext>();
        FluxCaption.Core.Data.DataExtensions.Configure(options, api.DatabaseConnectionString);
        await using (var db = new FluxCaption.Core.Data.FluxCaptionDbContext(options.Options))
        {
            // Waiting for its retry after a failed attempt: stored, pending, not running.
            var target = movies.Id.ToString();
            db.LibraryRequests.Add(new FluxCaption.Core.Libraries.Requests.LibraryRequest
            {
                Id = Guid.NewGuid(), Kind = FluxCaption.Core.Libraries.Requests.LibraryRequestKind.FullSync, Target = target,
                DedupeKey = FluxCaption.Core.Libraries.Requests.LibraryRequest.DedupeKeyFor(FluxCaption.Core.Libraries.Requests.LibraryRequestKind.FullSync, target),
                RequestedAt = DateTimeOffset.UtcNow, Attempts = 1, NotBefore = DateTimeOffset.UtcNow.AddHours(1), LastError = "disk busy",
            });
            await db.SaveChangesAsync(Ct);
        }

        (await client.ListWaitingSyncsAsync(Ct)).ShouldBe([movies.Id]);
    }

    [Fact]
    public async Task ASyncOfAFolderRunsInTheBackgroundAndTheListShowsItsResult()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        await TestMedia.CreateVideoAsync(Path.Combine(_folder, "Film.mkv"), [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
        var library = await client.AddLocalLibraryAsync(new NewLocalLibrary("Films", _folder, false), Ct);

        var requested = await client.SyncLibraryAsync(library.Id, full: true, Ct);

        (requested.LibraryId, requested.Full).ShouldBe((library.Id, true));
        var synced = await WaitForAsync(client, library.Id, l => l.LastSync.Status is "succeeded" or "failed");
        synced.LastSync.Status.ShouldBe("succeeded", synced.LastSync.Error);
        (synced.ItemCount, synced.LastSync.ItemCount).ShouldBe((1, 1));
    }

    [Fact]
    public async Task DisablingALibraryStopsItsSyncAndDeletingItRemovesIt()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        var library = await client.AddLocalLibraryAsync(new NewLocalLibrary("Films", _folder, false), Ct);

        var disabled = await client.UpdateLibraryAsync(library.Id, new LibraryChange(Enabled: false, WriteBack: true), Ct);

        (disabled.Enabled, disabled.WriteBack, disabled.Name).ShouldBe((false, true, "Films"));
        (await Should.ThrowAsync<ApiProblemException>(() => client.SyncLibraryAsync(library.Id, full: false, Ct))).StatusCode.ShouldBe(409);
        await client.DeleteLibraryAsync(library.Id, Ct);
        (await client.ListLibrariesAsync(Ct)).ShouldBeEmpty();
        (await Should.ThrowAsync<ApiProblemException>(() => client.GetLibraryAsync(library.Id, Ct))).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task RefreshingFromJellyfinNeedsItConfiguredAndThenListsTheServersLibraries()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        jellyfin.AddLibrary("Shows", "/media/shows", "tvshows");
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);

        var notConfigured = await Should.ThrowAsync<ApiProblemException>(() => client.RefreshJellyfinLibrariesAsync(Ct));
        notConfigured.StatusCode.ShouldBe(409);
        notConfigured.Title.ShouldBe("Jellyfin is not configured.");

        await client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate(jellyfin.Endpoint.ToString(), jellyfin.ApiKey), Ct);
        var libraries = await client.RefreshJellyfinLibrariesAsync(Ct);

        libraries.Select(l => (l.Source, l.Name)).ShouldBe([("jellyfin", "Shows")]);
        var refused = await Should.ThrowAsync<ApiProblemException>(
            () => client.UpdateLibraryAsync(libraries[0].Id, new LibraryChange(WriteBack: true), Ct));
        refused.Errors.Keys.ShouldBe(["writeBack"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static async Task<LibraryView> WaitForAsync(FluxCaptionApiClient client, Guid id, Func<LibraryView, bool> done)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            var library = await client.GetLibraryAsync(id, deadline.Token);
            if (done(library))
            {
                return library;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api.Libraries;

public sealed class LibrariesApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LibraryApiHost.CreateAsync(postgres, redis);
        _folder = Directory.CreateTempSubdirectory("fluxcaption-root-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ALocalFolderBecomesALibraryWithItsPathNormalised()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Movies"));

        using var response = await _host.PostAsync("/api/libraries",
            new { source = "local", name = " Movies ", path = _folder + "/Movies/../Movies/", writeBack = true });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var library = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        library.GetProperty("path").GetString().ShouldBe(Path.Combine(_folder, "Movies"));
        library.GetProperty("name").GetString().ShouldBe("Movies");
        library.GetProperty("source").GetString().ShouldBe("local");
        library.GetProperty("writeBack").GetBoolean().ShouldBeTrue();
        response.Headers.Location!.ToString().ShouldBe($"/api/libraries/{library.GetProperty("id").GetGuid()}");
        var listed = await _host.GetJsonAsync("/api/libraries");
        listed.EnumerateArray().Select(l => l.GetProperty("name").GetString()).ShouldBe(["Movies"]);
    }

    [Fact]
    public async Task TheSameFolderOrOneInsideItCannotBeAddedTwice()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Shows", "Season 1"));
        (await _host.PostAsync("/api/libraries", new { source = "local", name = "Shows", path = Path.Combine(_folder, "Shows") }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await _host.PostAsync("/api/libraries", new { source = "local", name = "Again", path = Path.Combine(_folder, "Shows") + "/" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _host.PostAsync("/api/libraries", new { source = "local", name = "Inner", path = Path.Combine(_folder, "Shows", "Season 1") }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _host.PostAsync("/api/libraries", new { source = "local", name = "Outer", path = _folder }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AFolderThatIsNotAnAbsoluteExistingDirectoryIsRefusedByName()
    {
        var file = Path.Combine(_folder, "movie.mkv");
        await File.WriteAllTextAsync(file, "x", Ct);

        (await (await _host.PostAsync("/api/libraries", new { source = "local", name = "A", path = "Movies" })).ShouldNameFieldAsync("path"))
            .ShouldContain("not an absolute path");
        (await (await _host.PostAsync("/api/libraries", new { source = "local", name = "A", path = Path.Combine(_folder, "nope") })).ShouldNameFieldAsync("path"))
            .ShouldContain("does not exist");
        (await (await _host.PostAsync("/api/libraries", new { source = "local", name = "A", path = file })).ShouldNameFieldAsync("path"))
            .ShouldContain("is a file");
        await (await _host.PostAsync("/api/libraries", new { source = "jellyfin", name = "A", path = _folder })).ShouldNameFieldAsync("source");
        await (await _host.PostAsync("/api/libraries", new { source = "local", name = "", path = _folder })).ShouldNameFieldAsync("name");
    }

    [Fact]
    public async Task ALibraryCanBeRenamedDisabledAndGivenWriteBackButAJellyfinLibraryHasNoWriteBackSwitch()
    {
        var local = await _host.AddLibraryAsync("Old", MediaSourceKind.Local);
        var jellyfin = await _host.AddLibraryAsync("Films");

        using var put = await _host.PutAsync($"/api/libraries/{local.Id}", new { name = "New", writeBack = true, enabled = false });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var library = await _host.GetJsonAsync($"/api/libraries/{local.Id}");
        library.GetProperty("name").GetString().ShouldBe("New");
        library.GetProperty("writeBack").GetBoolean().ShouldBeTrue();
        library.GetProperty("enabled").GetBoolean().ShouldBeFalse();

        await (await _host.PutAsync($"/api/libraries/{jellyfin.Id}", new { writeBack = false })).ShouldNameFieldAsync("writeBack");
        (await _host.PutAsync($"/api/libraries/{Guid.NewGuid()}", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingALibraryRemovesItsItemsButTheirJobsStay()
    {
        var library = await _host.AddLibraryAsync("Doomed");
        var item = LibraryApiHost.Item(library, "Film");
        await _host.AddItemsAsync(item);
        var jobId = await AddJobAsync(item.Id, "fr", JobStatus.Succeeded);

        (await _host.DeleteAsync($"/api/libraries/{library.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var db = _host.NewDbContext();
        (await db.Libraries.AnyAsync(l => l.Id == library.Id, Ct)).ShouldBeFalse();
        (await db.MediaItems.AnyAsync(i => i.Id == item.Id, Ct)).ShouldBeFalse();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId, Ct);
        job.MediaItemId.ShouldBeNull();
        job.Status.ShouldBe(JobStatus.Succeeded);
        (await _host.DeleteAsync($"/api/libraries/{library.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheListCountsPresentItemsAndThoseMissingALanguageARuleWants()
    {
        var films = await _host.AddLibraryAsync("Films");
        var other = await _host.AddLibraryAsync("Other");
        var gone = LibraryApiHost.Item(films, "Gone");
        gone.GoneAt = DateTimeOffset.UtcNow;
        await _host.AddItemsAsync(
            LibraryApiHost.Item(films, "Has French", LibraryApiHost.Subtitle("fr")),
            LibraryApiHost.Item(films, "Has nothing"),
            LibraryApiHost.Item(films, "Forced only", LibraryApiHost.Subtitle("fr", forced: true)),
            gone,
            LibraryApiHost.Item(other, "Elsewhere"));
        await _host.AddRuleAsync(new { name = "French", libraryIds = new[] { films.Id }, targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });

        var libraries = (await _host.GetJsonAsync("/api/libraries")).EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);

        libraries["Films"].GetProperty("itemCount").GetInt32().ShouldBe(3);
        libraries["Films"].GetProperty("missingCount").GetInt32().ShouldBe(2);
        libraries["Other"].GetProperty("itemCount").GetInt32().ShouldBe(1);
        libraries["Other"].GetProperty("missingCount").GetInt32().ShouldBe(0);
        libraries["Films"].GetProperty("lastSync").GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task SyncNowAnswers202AndTheSyncRunsInTheBackground()
    {
        var library = await _host.AddLibraryAsync("Films");

        using var response = await _host.PostAsync($"/api/libraries/{library.Id}/sync?full=true");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        accepted.GetProperty("full").GetBoolean().ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(_host.Sync.Syncs.Contains((library.Id, true))), "the library was synced in full");
    }

    [Fact]
    public async Task ADisabledOrUnknownLibraryIsNotSynced()
    {
        var disabled = await _host.AddLibraryAsync("Off", enabled: false);

        (await _host.PostAsync($"/api/libraries/{disabled.Id}/sync")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _host.PostAsync($"/api/libraries/{Guid.NewGuid()}/sync")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _host.Sync.Syncs.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefreshingJellyfinLibrariesNeedsAConfiguredServer()
    {
        (await _host.PostAsync("/api/libraries/refresh")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        _host.Sync.Refreshes.ShouldBe(0);

        (await _host.PutAsync("/api/settings/jellyfin", new { url = "http://jf:8096", apiKey = "k" })).EnsureSuccessStatusCode();
        (await _host.PostAsync("/api/libraries/refresh")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Sync.Refreshes.ShouldBe(1);
    }

    private async Task<Guid> AddJobAsync(Guid itemId, string language, JobStatus status)
    {
        await using var db = _host.NewDbContext();
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(), Kind = JobKind.Translate, Stage = JobStage.Translate, Status = status, MediaItemId = itemId,
            TargetLanguage = language, Engine = "apertium", CreatedAt = now, UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(Ct);
        return job.Id;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Libraries;

public sealed class ItemsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;
    private LibraryEntity _films = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LibraryApiHost.CreateAsync(postgres, redis);
        _films = await _host.AddLibraryAsync("Films");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MissingSimplifiedChineseListsItemsWithOnlyTraditionalUntilTheUserAcceptsIt()
    {
        await _host.AddItemsAsync(
            LibraryApiHost.Item(_films, "Traditional only", LibraryApiHost.Subtitle("zh-Hant")),
            LibraryApiHost.Item(_films, "Simplified", LibraryApiHost.Subtitle("zh-Hans")),
            LibraryApiHost.Item(_films, "Nothing"),
            LibraryApiHost.Item(_films, "Forced simplified", LibraryApiHost.Subtitle("zh-Hans", forced: true)),
            LibraryApiHost.Item(_films, "Bitmap simplified", LibraryApiHost.Subtitle("zh-Hans", text: false)));

        // Forced tracks do not count by default; bitmap tracks do.
        (await TitlesAsync("/api/items?missing=zh-Hans")).ShouldBe(["Forced simplified", "Nothing", "Traditional only"]);

        (await _host.PutAsync("/api/settings/coverage",
            new { forcedCounts = false, hearingImpairedCounts = true, bitmapCounts = true, equivalences = new[] { "zh-Hant=zh-Hans" } }))
            .EnsureSuccessStatusCode();
        (await TitlesAsync("/api/items?missing=chi")).ShouldBe(["Forced simplified", "Nothing"]);
    }

    [Fact]
    public async Task PagesFollowTitleOrderAndReportTheTotal()
    {
        await _host.AddItemsAsync([.. "EDCBA".Select(letter => LibraryApiHost.Item(_films, $"Film {letter}"))]);

        var third = await _host.GetJsonAsync("/api/items?page=3&pageSize=2");
        third.GetProperty("total").GetInt32().ShouldBe(5);
        third.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["Film E"]);
        (await TitlesAsync("/api/items?page=1&pageSize=2&missing=fr")).ShouldBe(["Film A", "Film B"]);
        (await _host.GetJsonAsync("/api/items?page=2&pageSize=2&missing=fr")).GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("missing=elvish", "missing")]
    public async Task AnUnreadableFilterIsRefusedByName(string query, string field)
    {
        await (await _host.GetAsync($"/api/items?{query}")).ShouldNameFieldAsync(field);
    }

    [Fact]
    public async Task LibraryTitleGoneAndActiveJobFiltersNarrowTheList()
    {
        var other = await _host.AddLibraryAsync("Other");
        var gone = LibraryApiHost.Item(_films, "Gone Girl");
        gone.GoneAt = DateTimeOffset.UtcNow;
        var queued = LibraryApiHost.Item(_films, "Queued One");
        await _host.AddItemsAsync(LibraryApiHost.Item(_films, "The 100% Film"), queued, gone, LibraryApiHost.Item(other, "Other Film"));
        await AddJobAsync(queued.Id, "fr", JobStatus.Queued);

        (await TitlesAsync($"/api/items?library={other.Id}")).ShouldBe(["Other Film"]);
        (await TitlesAsync("/api/items?q=film")).ShouldBe(["Other Film", "The 100% Film"]);
        (await TitlesAsync("/api/items?q=100%25")).ShouldBe(["The 100% Film"]);
        (await TitlesAsync("/api/items?gone=true")).ShouldBe(["Gone Girl"]);
        (await TitlesAsync("/api/items?hasJob=true")).ShouldBe(["Queued One"]);
        (await TitlesAsync("/api/items?hasJob=false")).ShouldBe(["Other Film", "The 100% Film"]);
    }

    [Fact]
    public async Task AnItemShowsItsTracksTheCoverageOfWantedLanguagesAndItsJobs()
    {
        var item = LibraryApiHost.Item(_films, "Film", LibraryApiHost.Subtitle("en"), LibraryApiHost.Subtitle("fr", forced: true), LibraryApiHost.Subtitle("fr"));
        await _host.AddItemsAsync(item);
        await _host.AddRuleAsync(new { name = "a", targetLanguages = new[] { "fr", "de" }, cron = "0 0 3 * * ?" });
        var jobId = await AddJobAsync(item.Id, "de", JobStatus.Running);

        var detail = await _host.GetJsonAsync($"/api/items/{item.Id}");

        detail.GetProperty("item").GetProperty("title").GetString().ShouldBe("Film");
        detail.GetProperty("item").GetProperty("missingLanguages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["de"]);
        detail.GetProperty("tracks").GetArrayLength().ShouldBe(3);
        var coverage = detail.GetProperty("coverage").EnumerateArray().ToDictionary(c => c.GetProperty("language").GetString()!);
        coverage["fr"].GetProperty("covered").GetBoolean().ShouldBeTrue();
        coverage["fr"].GetProperty("coveringTracks").EnumerateArray().Select(t => t.GetInt32()).ShouldBe([2]);
        coverage["de"].GetProperty("covered").GetBoolean().ShouldBeFalse();
        detail.GetProperty("jobs").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(jobId);
        (await _host.GetAsync($"/api/items/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TranslatingSelectedItemsAsksThePlannerAndReportsJobsAlreadyActive()
    {
        var first = LibraryApiHost.Item(_films, "One");
        var second = LibraryApiHost.Item(_films, "Two");
        await _host.AddItemsAsync(first, second);
        var active = await AddJobAsync(second.Id, "fr", JobStatus.Paused);
        var created = Guid.NewGuid();
        _host.Planner.Answer = _ => new GapPlanResult(2, 2, 1, [created]);

        using var response = await _host.PostAsync("/api/items/translate",
            new { itemIds = new[] { first.Id, second.Id }, targetLanguages = new[] { "fre" }, engine = "apertium", model = "m", priority = 7 });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("createdJobIds").EnumerateArray().Select(j => j.GetGuid()).ShouldBe([created]);
        body.GetProperty("activeJobIds").EnumerateArray().Select(j => j.GetGuid()).ShouldBe([active]);
        var request = _host.Planner.Requests.Single();
        request.MediaItemIds.ShouldBe([first.Id, second.Id]);
        request.TargetLanguages.ShouldBe(["fr"]);
        (request.Engine, request.Model, request.Priority, request.RuleId).ShouldBe(("apertium", "m", 7, (Guid?)null));
    }

    [Fact]
    public async Task ATranslateRequestNamesWhatIsWrong()
    {
        var item = LibraryApiHost.Item(_films, "One");
        await _host.AddItemsAsync(item);

        await (await _host.PostAsync("/api/items/translate", new { itemIds = Array.Empty<Guid>(), targetLanguages = new[] { "fr" } })).ShouldNameFieldAsync("itemIds");
        await (await _host.PostAsync("/api/items/translate", new { itemIds = new[] { Guid.NewGuid() }, targetLanguages = new[] { "fr" } })).ShouldNameFieldAsync("itemIds");
        await (await _host.PostAsync("/api/items/translate", new { itemIds = new[] { item.Id }, targetLanguages = new[] { "xx-nope" } })).ShouldNameFieldAsync("targetLanguages");
        await (await _host.PostAsync("/api/items/translate", new { itemIds = new[] { item.Id }, targetLanguages = new[] { "fr" }, engine = "babelfish" })).ShouldNameFieldAsync("engine");
        (await (await _host.PostAsync("/api/items/translate", new { itemIds = new[] { item.Id }, targetLanguages = new[] { "fr" }, model = new string('m', 201) }))
            .ShouldNameFieldAsync("model")).ShouldContain("200 characters");
        _host.Planner.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheMissingFilterCountsAndPagesTenThousandItems()
    {
        var tracks = new[] { LibraryApiHost.Subtitle("en"), LibraryApiHost.Subtitle("zh-Hant"), LibraryApiHost.Subtitle("fr", forced: true) };
        for (var batch = 0; batch < 10; batch++)
        {
            await _host.AddItemsAsync([.. Enumerable.Range(0, 1000).Select(i =>
                LibraryApiHost.Item(_films, $"Film {batch:D2}-{i:D4}", i % 3 == 0 ? [.. tracks, LibraryApiHost.Subtitle("zh-Hans")] : tracks))]);
        }

        // How fast this answers is measured by the sync benchmark, not here.
        var page = await _host.GetJsonAsync("/api/items?missing=zh-Hans&page=10&pageSize=200");

        page.GetProperty("total").GetInt32().ShouldBe(6660);
        page.GetProperty("items").GetArrayLength().ShouldBe(200);
    }

    [Fact]
    public async Task EachListedItemCarriesItsTrackFlagsAndItsActiveJobsOnly()
    {
        var item = LibraryApiHost.Item(_films, "Flagged", LibraryApiHost.Subtitle("fr", forced: true), LibraryApiHost.Subtitle("de", text: false));
        await _host.AddItemsAsync(item);
        var running = await AddJobAsync(item.Id, "es", JobStatus.Running);
        await AddJobAsync(item.Id, "it", JobStatus.Succeeded);

        var listed = (await _host.GetJsonAsync("/api/items")).GetProperty("items").EnumerateArray().Single();

        var tracks = listed.GetProperty("subtitleTracks").EnumerateArray()
            .Select(t => (t.GetProperty("language").GetString(), t.GetProperty("isForced").GetBoolean(), t.GetProperty("isText").GetBoolean()))
            .ToList();
        tracks.ShouldBe([("fr", true, true), ("de", false, false)]);
        var jobs = listed.GetProperty("activeJobs").EnumerateArray().ToList();
        jobs.ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(running);
        jobs[0].GetProperty("status").GetString().ShouldBe("running");
    }

    private async Task<List<string?>> TitlesAsync(string url) =>
        (await _host.GetJsonAsync(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();

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

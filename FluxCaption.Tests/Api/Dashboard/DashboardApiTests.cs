using System.Net;
using System.Net.Http.Json;
using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static FluxCaption.Tests.Api.Dashboard.DashboardSeed;
using static FluxCaption.Tests.Web.ItemsTestData;

namespace FluxCaption.Tests.Api.Dashboard;

/// <summary>GET /api/dashboard on seeded data in real PostgreSQL and real Redis stage streams: every figure counted exactly.</summary>
public sealed class DashboardApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _api = null!;
    private HttpClient _client = null!;
    private ItemsTestData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        _client = _api.CreateAuthorizedClient();
        _data = new ItemsTestData(_api.DatabaseConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task AFreshInstallHasNoLibrariesZeroJobsAndAnEmptyDayForEachDayOfTheWindow()
    {
        var dashboard = await GetAsync("api/dashboard");

        dashboard.Days.ShouldBe(14);
        dashboard.Libraries.ShouldBeEmpty();
        dashboard.JobsByStatus.Select(status => status.Status).ShouldBe(["queued", "running", "paused", "succeeded", "failed", "cancelled"]);
        dashboard.JobsByStatus.ShouldAllBe(status => status.Count == 0);
        dashboard.PerDay.Count.ShouldBe(14);
        dashboard.PerDay[^1].Day.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow));
        dashboard.PerDay[0].Day.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-13));
        dashboard.PerDay.ShouldAllBe(day => day.Succeeded == 0 && day.Failed == 0 && day.TranslatedCues == 0 && day.EngineRequests == 0 && day.Tokens == 0);
        dashboard.Queues.Select(queue => queue.Stage).ShouldBe(["scan", "asr", "translate", "writeback"]);
        dashboard.Queues.ShouldAllBe(queue => queue.Waiting == 0 && queue.Pending == 0);
    }

    [Fact]
    public async Task ItemsAndMissingLanguagesAreCountedPerLibraryAndWantedLanguage()
    {
        var films = await _data.AddLibraryAsync("Films");
        var series = await _data.AddLibraryAsync("Series");
        var music = await _data.AddLibraryAsync("Concerts");
        await AddRuleAsync(_data, "European", [films.Id], "fr", "de");
        await AddRuleAsync(_data, "French everywhere", [films.Id, series.Id], "fr");
        await _data.AddItemAsync(films, "Has French", Subtitle("fr"));
        await _data.AddItemAsync(films, "Has German SDH", Subtitle("de", hearingImpaired: true));
        await _data.AddItemAsync(films, "Second German", Subtitle("de"));
        await _data.AddItemAsync(films, "Only forced French", Subtitle("fr", forced: true));
        await _data.AddItemAsync(films, "Nothing");
        var gone = await _data.AddItemAsync(films, "Gone");
        await using (var db = _data.NewDbContext())
        {
            var row = await db.MediaItems.FindAsync([gone.Id], Ct);
            row!.GoneAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        await _data.AddItemAsync(series, "Pilot", Subtitle("en"));
        await _data.AddItemAsync(series, "Finale", Subtitle("fr"));
        await _data.AddItemAsync(music, "Live");

        var dashboard = await GetAsync("api/dashboard");

        dashboard.Libraries.Select(library => library.Name).ShouldBe(["Concerts", "Films", "Series"]);
        var filmFigures = dashboard.Libraries.Single(library => library.Id == films.Id);
        filmFigures.Items.ShouldBe(5, "the gone item is not counted");
        filmFigures.Languages.ShouldBe([new DashboardLanguageGap("fr", 4), new DashboardLanguageGap("de", 3)]);
        var seriesFigures = dashboard.Libraries.Single(library => library.Id == series.Id);
        seriesFigures.Items.ShouldBe(2);
        seriesFigures.Languages.ShouldBe([new DashboardLanguageGap("fr", 1)]);
        var musicFigures = dashboard.Libraries.Single(library => library.Id == music.Id);
        musicFigures.Items.ShouldBe(1);
        musicFigures.Languages.ShouldBeEmpty();

        // The figure is the number of rows the items page's filter opens.
        var page = await _client.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/items?library={films.Id}&missing=de", Ct);
        page.GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task FinishedJobsAreSummedPerUtcDayAndADayWithNothingReadsZero()
    {
        var today = DayStart(0);
        await AddFinishedJobAsync(_data, null, "fr", JobStatus.Succeeded, today.AddMinutes(1), today.AddMinutes(2), cues: 120, requests: 4, promptTokens: 1000, completionTokens: 400);
        await AddFinishedJobAsync(_data, null, "de", JobStatus.Succeeded, today.AddMinutes(1), today.AddMinutes(3), cues: 30, requests: 1, promptTokens: 200, completionTokens: 50);
        await AddFinishedJobAsync(_data, null, "es", JobStatus.Failed, today.AddMinutes(1), today.AddMinutes(4), requests: 2, promptTokens: 300, errorCode: "engine_unavailable", errorMessage: "Ollama did not answer");
        await AddFinishedJobAsync(_data, null, "it", JobStatus.Cancelled, today.AddMinutes(1), today.AddMinutes(5), requests: 1, promptTokens: 10, completionTokens: 5);
        await AddFinishedJobAsync(_data, null, "fr", JobStatus.Succeeded, DayStart(2).AddHours(23), DayStart(2).AddHours(23).AddMinutes(50), cues: 7);
        await AddFinishedJobAsync(_data, null, "fr", JobStatus.Succeeded, DayStart(20).AddHours(1), DayStart(20).AddHours(2), cues: 999, requests: 99);
        await _data.AddJobAsync(null, "ja", JobStatus.Queued);

        var dashboard = await GetAsync("api/dashboard?days=7");

        dashboard.PerDay.Count.ShouldBe(7);
        dashboard.PerDay[^1].ShouldBe(new DashboardDay(DateOnly.FromDateTime(today.UtcDateTime), 2, 1, 150, 8, 1965));
        dashboard.PerDay[^2].ShouldBe(new DashboardDay(DateOnly.FromDateTime(today.UtcDateTime).AddDays(-1), 0, 0, 0, 0, 0));
        dashboard.PerDay[^3].ShouldBe(new DashboardDay(DateOnly.FromDateTime(today.UtcDateTime).AddDays(-2), 1, 0, 7, 0, 0));
        dashboard.PerDay.Sum(day => day.TranslatedCues).ShouldBe(157, "the job of 20 days ago is outside the window");
        dashboard.JobsByStatus.ToDictionary(status => status.Status, status => status.Count)
            .ShouldBe(new Dictionary<string, int> { ["queued"] = 1, ["running"] = 0, ["paused"] = 0, ["succeeded"] = 4, ["failed"] = 1, ["cancelled"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task TheSlowestAndFailedJobsOfTheWindowComeWithTheirDurationsAndReasons()
    {
        var library = await _data.AddLibraryAsync("Shows");
        var episode = await _data.AddEpisodeAsync(library, "Dark", 1, 2, "Lies");
        var today = DayStart(0);
        var quick = await AddFinishedJobAsync(_data, null, "fr", JobStatus.Succeeded, today, today.AddSeconds(40));
        var slow = await AddFinishedJobAsync(_data, episode.Id, "de", JobStatus.Succeeded, today, today.AddMinutes(95));
        await AddFinishedJobAsync(_data, null, "fr", JobStatus.Succeeded, DayStart(30), DayStart(30).AddHours(10));
        var older = await AddFinishedJobAsync(_data, null, "es", JobStatus.Failed, today, today.AddMinutes(1), errorCode: "parse_error", errorMessage: "The file is not a subtitle.");
        var newer = await AddFinishedJobAsync(_data, episode.Id, "ja", JobStatus.Failed, today, today.AddMinutes(2), errorCode: "engine_unavailable", errorMessage: "Ollama did not answer.");

        var dashboard = await GetAsync("api/dashboard");

        dashboard.Slowest.Select(job => job.Id).ShouldBe([slow, quick]);
        dashboard.Slowest[0].Seconds.ShouldBe(5700.0);
        dashboard.Slowest[0].Subject.ShouldBe("Dark S01E02 · Lies");
        dashboard.Failures.Select(job => job.Id).ShouldBe([newer, older]);
        dashboard.Failures[0].ShouldBe(new DashboardFailedJob(newer, "Dark S01E02 · Lies", "ja", "engine_unavailable", "Ollama did not answer.", today.AddMinutes(2)));
        dashboard.Failures[1].ErrorCode.ShouldBe("parse_error");
        dashboard.Failures[1].ErrorMessage.ShouldBe("The file is not a subtitle.");
    }

    [Fact]
    public async Task RunningJobsCarryTheirStageAndProgress()
    {
        var library = await _data.AddLibraryAsync("Films");
        var film = await _data.AddItemAsync(library, "Metropolis");
        var running = await AddRunningJobAsync(_data, film.Id, "fr", JobStage.Translate, 0.42);
        await _data.AddJobAsync(film.Id, "de", JobStatus.Queued);

        var dashboard = await GetAsync("api/dashboard");

        var job = dashboard.Running.ShouldHaveSingleItem();
        job.Id.ShouldBe(running);
        job.Subject.ShouldBe("Metropolis");
        job.TargetLanguage.ShouldBe("fr");
        job.Stage.ShouldBe("translate");
        job.Progress.ShouldBe(0.42);
    }

    [Fact]
    public async Task QueueLengthsAreReadFromTheStageStreams()
    {
        var connection = _api.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = _api.Services.GetRequiredService<RedisKeys>();
        var db = connection.GetDatabase();
        var translate = keys.StageStream(JobStage.Translate);
        for (var i = 0; i < 5; i++)
        {
            await db.StreamAddAsync(translate, "jobId", Guid.NewGuid().ToString());
        }

        await db.StreamCreateConsumerGroupAsync(translate, "workers", "0");
        (await db.StreamReadGroupAsync(translate, "workers", "test-consumer", ">", count: 2)).Length.ShouldBe(2);
        await db.StreamAddAsync(keys.StageStream(JobStage.Asr), "jobId", Guid.NewGuid().ToString());

        var dashboard = await GetAsync("api/dashboard");

        dashboard.Queues.Single(queue => queue.Stage == "translate").ShouldBe(new DashboardQueue("translate", 3, 2));
        dashboard.Queues.Single(queue => queue.Stage == "asr").ShouldBe(new DashboardQueue("asr", 1, 0));
        dashboard.Queues.Single(queue => queue.Stage == "scan").ShouldBe(new DashboardQueue("scan", 0, 0));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-3")]
    public async Task ADayWindowOutsideOneToNinetyIsAProblemNamingTheRange(string days)
    {
        using var response = await _client.GetAsync($"api/dashboard?days={days}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        problem!.Errors["days"].ShouldBe(["days must be between 1 and 90."]);
    }

    [Fact]
    public async Task TheDashboardNeedsTheApiKey()
    {
        using var anonymous = _api.CreateClient();
        using var response = await anonymous.GetAsync("api/dashboard", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<DashboardResponse> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<DashboardResponse>(Ct))!;
    }
}

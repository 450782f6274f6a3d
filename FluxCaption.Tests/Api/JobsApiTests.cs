using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Contracts;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Api;

/// <summary>The job calls of the Api contract, with no worker running: what is queued stays queued.</summary>
public sealed class JobsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task AnAcceptedUploadAnswers202WithTheQueuedJobAndItsLocation()
    {
        using var response = await _client.PostAsync("/api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), targetLanguage: "spa"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = job.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/jobs/{id}");
        job.GetProperty("status").GetString().ShouldBe("queued");
        job.GetProperty("stage").GetString().ShouldBe("translate");
        job.GetProperty("sourceLanguage").GetString().ShouldBe("en");
        job.GetProperty("targetLanguage").GetString().ShouldBe("es");
        job.GetProperty("engine").GetString().ShouldBe("apertium");
        job.GetProperty("outputFormat").GetString().ShouldBe("srt");
        job.GetProperty("progress").GetDouble().ShouldBe(0);
        job.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);

        var fetched = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", Ct);
        fetched.GetProperty("id").GetGuid().ShouldBe(id);
        fetched.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(job.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("Bob = Roberto\nthe Shire => la Comarca\n")]
    [InlineData("[{\"source\": \"Bob\", \"target\": \"Roberto\"}, {\"source\": \"the Shire\", \"target\": \"la Comarca\"}]")]
    public async Task AJobKeepsTheGlossaryItWasGivenInEitherSpelling(string glossary)
    {
        using var response = await _client.PostAsync("/api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), glossary: glossary), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var job = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", Ct);
        job.GetProperty("glossary").EnumerateArray()
            .Select(t => (t.GetProperty("source").GetString(), t.GetProperty("target").GetString()))
            .ShouldBe([("Bob", "Roberto"), ("the Shire", "la Comarca")]);
    }

    [Theory]
    [InlineData("Bob Roberto", "line 1")]
    [InlineData("[{\"source\": 3", "JSON")]
    public async Task AGlossaryThatCannotBeReadIsRejectedByName(string glossary, string mentioned)
    {
        using var response = await _client.PostAsync("/api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), glossary: glossary), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("glossary")[0].GetString().ShouldNotBeNull().ShouldContain(mentioned);
    }

    [Fact]
    public async Task TheResultOfAJobThatHasNotSucceededIs409ProblemDetails()
    {
        var id = await CreateJobAsync();

        using var response = await _client.GetAsync($"/api/jobs/{id}/result", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("queued");
    }

    [Fact]
    public async Task AnUnknownJobIs404ProblemDetailsEverywhere()
    {
        var id = Guid.NewGuid();
        foreach (var path in new[] { $"/api/jobs/{id}", $"/api/jobs/{id}/result" })
        {
            using var response = await _client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }

        using var cancel = await _client.PostAsync($"/api/jobs/{id}/cancel", null, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACancelledJobStaysCancelledAndCannotBeResumed()
    {
        var id = await CreateJobAsync();

        using var cancel = await _client.PostAsync($"/api/jobs/{id}/cancel", null, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancel.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("cancelled");

        using var resume = await _client.PostAsync($"/api/jobs/{id}/resume", null, Ct);
        resume.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var pause = await _client.PostAsync($"/api/jobs/{id}/pause", null, Ct);
        pause.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var job = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", Ct);
        job.GetProperty("status").GetString().ShouldBe("cancelled");
        job.GetProperty("finishedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ARetryWithRetranslateKeptQueuesTheJobMarkedToAskForKeptLinesAgain()
    {
        var plain = await CreateJobAsync();
        var again = await CreateJobAsync();
        await _client.PostAsync($"/api/jobs/{plain}/cancel", null, Ct);
        await _client.PostAsync($"/api/jobs/{again}/cancel", null, Ct);

        using var retryPlain = await _client.PostAsync($"/api/jobs/{plain}/retry", null, Ct);
        using var retryAgain = await _client.PostAsync($"/api/jobs/{again}/retry?retranslateKept=true", null, Ct);

        retryPlain.StatusCode.ShouldBe(HttpStatusCode.OK);
        retryAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retryAgain.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("queued");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        var flags = await db.Jobs.AsNoTracking().Where(j => j.Id == plain || j.Id == again).ToDictionaryAsync(j => j.Id, j => j.RetranslateKept, Ct);
        flags.ShouldBe(new Dictionary<Guid, bool> { [plain] = false, [again] = true }, ignoreOrder: true);
    }

    [Fact]
    public async Task ASucceededJobCanBeAskedAgainForItsKeptLinesOnlyAndShowsItsBudgetOnTheWire()
    {
        var kept = await CreateJobAsync();
        var clean = await CreateJobAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
            var budget = JobBudgetJson.Write(new JobBudget(new JobBudgetFigures(3, 900, 400, 12.5, 0.01m), new JobBudgetFigures(4, 1200, 500, 14, 0.013m)));
            await db.Jobs.Where(j => j.Id == kept || j.Id == clean).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, JobStatus.Succeeded)
                .SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)
                .SetProperty(j => j.Budget, budget), Ct);
            await db.Jobs.Where(j => j.Id == kept).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Warnings, """[{"cueIndex":0,"code":"kept_source","message":"Kept the source text: the line came back untranslated."}]"""), Ct);
        }

        var shown = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{kept}", Ct);
        var estimate = shown.GetProperty("estimate");
        (estimate.GetProperty("requests").GetInt32(), estimate.GetProperty("promptTokens").GetInt64(), estimate.GetProperty("completionTokens").GetInt64())
            .ShouldBe((3, 900L, 400L));
        (estimate.GetProperty("seconds").GetDouble(), estimate.GetProperty("cost").GetDecimal()).ShouldBe((12.5, 0.01m));
        shown.GetProperty("spent").GetProperty("requests").GetInt32().ShouldBe(4);

        using var refused = await _client.PostAsync($"/api/jobs/{clean}/retry?retranslateKept=true", null, Ct);
        using var asked = await _client.PostAsync($"/api/jobs/{kept}/retry?retranslateKept=true", null, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldBe("The job kept no line in its source language; there is nothing to ask again.");
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var job = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (job.GetProperty("status").GetString(), job.GetProperty("stage").GetString()).ShouldBe(("queued", "translate"));
        // A new, smaller question: its budget starts afresh.
        job.GetProperty("estimate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ARetranslateKeptThatIsNotYesOrNoIsRejectedByName()
    {
        var id = await CreateJobAsync();
        await _client.PostAsync($"/api/jobs/{id}/cancel", null, Ct);

        using var response = await _client.PostAsync($"/api/jobs/{id}/retry?retranslateKept=perhaps", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("retranslateKept")[0].GetString()!.ShouldContain("perhaps");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", Ct)).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task APausedJobResumesToQueued()
    {
        var id = await CreateJobAsync();

        (await (await _client.PostAsync($"/api/jobs/{id}/pause", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("status").GetString().ShouldBe("paused");
        (await (await _client.PostAsync($"/api/jobs/{id}/resume", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("status").GetString().ShouldBe("queued");
    }

    [Fact]
    public async Task ListingFiltersByStatusAndPages()
    {
        var first = await CreateJobAsync();
        var second = await CreateJobAsync();
        var third = await CreateJobAsync();
        await _client.PostAsync($"/api/jobs/{second}/cancel", null, Ct);

        var queued = await _client.GetFromJsonAsync<JsonElement>("/api/jobs?status=queued&pageSize=1&page=1", Ct);
        queued.GetProperty("total").GetInt32().ShouldBe(2);
        queued.GetProperty("items").GetArrayLength().ShouldBe(1);
        queued.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(third);

        var cancelled = await _client.GetFromJsonAsync<JsonElement>("/api/jobs?status=cancelled", Ct);
        cancelled.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([second]);

        var all = await _client.GetFromJsonAsync<JsonElement>("/api/jobs", Ct);
        all.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([third, second, first]);
    }

    [Fact]
    public async Task AnUnknownStatusFilterIsRejectedByName()
    {
        using var response = await _client.GetAsync("/api/jobs?status=sleeping", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    private async Task<Guid> CreateJobAsync()
    {
        using var response = await _client.PostAsync("/api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt)), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>GET /api/jobs/{id}/timeline: what happened to a job, newest first, paged, with where the job stood.</summary>
public sealed class JobTimelineApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
    public async Task TheTimelineListsAJobsEventsNewestFirstInPagesWithTheJobsStateAfterEach()
    {
        using var upload = await _client.PostAsync("/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt)), Ct);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await _client.PostAsync($"/api/jobs/{id}/pause", null, Ct)).EnsureSuccessStatusCode();
        (await _client.PostAsync($"/api/jobs/{id}/resume", null, Ct)).EnsureSuccessStatusCode();

        var first = (await _client.GetFromJsonAsync<JobTimelinePage>($"/api/jobs/{id}/timeline?pageSize=2", Json, Ct))!;
        var second = (await _client.GetFromJsonAsync<JobTimelinePage>($"/api/jobs/{id}/timeline?page=2&pageSize=2", Json, Ct))!;

        first.Total.ShouldBe(3);
        first.Items.Select(entry => entry.Type).ShouldBe([JobEventTypes.Resumed, JobEventTypes.Paused]);
        second.Items.Select(entry => entry.Type).ShouldBe([JobEventTypes.Created]);
        first.Items[1].Status.ShouldBe("paused");
        first.Items[0].Status.ShouldBe("queued");
        second.Items[0].Stage.ShouldBe("translate");
        first.Items[0].At.ShouldBeGreaterThanOrEqualTo(first.Items[1].At);
    }

    [Fact]
    public async Task TheTimelineOfAnUnknownJobIs404ProblemDetails()
    {
        var id = Guid.NewGuid();

        using var response = await _client.GetAsync($"/api/jobs/{id}/timeline", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(id.ToString());
    }

    [Fact]
    public async Task APageSizeOutOfRangeIsAProblemNamingPageSize()
    {
        using var response = await _client.GetAsync($"/api/jobs/{Guid.NewGuid()}/timeline?pageSize=0", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
    }
}

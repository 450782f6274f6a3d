using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>Live events over SSE, and the replay that Last-Event-ID gives a reconnecting client.</summary>
public sealed class EventsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
        _client.Timeout = Timeout.InfiniteTimeSpan;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task AJobStreamStartsWithTheJobsCurrentState()
    {
        var id = await CreateJobAsync();

        var events = await SseReader.ReadAsync(_client, $"/api/jobs/{id}/events", null, e => e.Count >= 1, Patience);

        var snapshot = events.ShouldHaveSingleItem();
        snapshot.Type.ShouldBe("snapshot");
        snapshot.Id.ShouldNotBeNull();
        snapshot.Data.GetProperty("data").GetProperty("status").GetString().ShouldBe("queued");
    }

    [Fact]
    public async Task ReconnectingWithLastEventIdReplaysExactlyWhatWasMissed()
    {
        var id = await CreateJobAsync();
        await _client.PostAsync($"/api/jobs/{id}/pause", null, Ct);
        await _client.PostAsync($"/api/jobs/{id}/resume", null, Ct);
        await _client.PostAsync($"/api/jobs/{id}/cancel", null, Ct);

        // From the start of the retained stream: every event of this job, in order, each with an id.
        var everything = await SseReader.ReadAsync(_client, $"/api/jobs/{id}/events", "0", e => e.Any(x => x.Type.Contains("cancel")), Patience);
        everything.Count.ShouldBeGreaterThanOrEqualTo(3);
        everything.ShouldAllBe(e => e.Id != null);
        everything.Select(e => e.Data.GetProperty("jobId").GetGuid()).Distinct().ShouldBe([id]);

        // A client that saw only the first event gets the rest, and nothing twice.
        var missed = await SseReader.ReadAsync(_client, $"/api/jobs/{id}/events", everything[0].Id, e => e.Count >= everything.Count - 1, Patience);
        missed.Select(e => e.Id).ShouldBe(everything.Skip(1).Select(e => e.Id));
    }

    [Fact]
    public async Task TheAllJobsStreamDeliversEventsThatHappenWhileConnected()
    {
        var reading = SseReader.ReadAsync(_client, "/api/events", null, e => e.Any(x => x.Type.Contains("cancel")), Patience);
        await Task.Delay(500, Ct);
        var id = await CreateJobAsync();
        await _client.PostAsync($"/api/jobs/{id}/cancel", null, Ct);

        var events = await reading;

        events.ShouldContain(e => e.Data.GetProperty("jobId").GetGuid() == id);
        events.ShouldAllBe(e => e.Id != null);
    }

    private async Task<Guid> CreateJobAsync()
    {
        using var response = await _client.PostAsync("/api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt)), Ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}

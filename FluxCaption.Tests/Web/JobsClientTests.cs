using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The jobs page's list call and the words it shows, against the real Api.</summary>
public sealed class JobsClientTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _api = null!;
    private HttpClient _http = null!;
    private FluxCaptionApiClient _client = null!;
    private ItemsTestData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        _http = _api.CreateAuthorizedClient();
        _client = new FluxCaptionApiClient(_http);
        _data = new ItemsTestData(_api.DatabaseConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task JobsComeNewestFirstPagedAndFilteredByStatus()
    {
        var oldest = await _data.AddJobAsync(null, "fr", JobStatus.Succeeded);
        var middle = await _data.AddJobAsync(null, "de", JobStatus.Failed, "engine_error", "The engine refused.");
        var newest = await _data.AddJobAsync(null, "es", JobStatus.Queued);

        var first = await _client.ListJobsAsync(null, 1, 2, Ct);
        first.Items.Select(job => job.Id).ShouldBe([newest, middle]);
        first.Total.ShouldBe(3);
        (await _client.ListJobsAsync(null, 2, 2, Ct)).Items.Single().Id.ShouldBe(oldest);

        var failed = (await _client.ListJobsAsync("failed", 1, 25, Ct)).Items.ShouldHaveSingleItem();
        JobWords.Note(failed).ShouldBe("The engine refused. (engine_error)");
        JobWords.CanRetry(failed).ShouldBeTrue();
    }

    [Fact]
    public async Task AJobEndedBecauseAHumanTrackArrivedReadsAsAlreadyCoveredAndOffersNoRetry()
    {
        await _data.AddJobAsync(null, "fr", JobStatus.Cancelled, "already_covered", "A French track appeared.");

        var job = (await _client.ListJobsAsync("cancelled", 1, 25, Ct)).Items.ShouldHaveSingleItem();

        JobWords.Status(job).ShouldBe("not needed");
        JobWords.Note(job).ShouldBe("Already covered: A French track appeared.");
        JobWords.CanRetry(job).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnknownStatusFilterIsAProblemNamingStatus()
    {
        var problem = await Should.ThrowAsync<ApiProblemException>(() => _client.ListJobsAsync("finished", 1, 25, Ct));

        problem.Errors.Keys.ShouldBe(["status"]);
    }
}

using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The jobs page's list call and the words it shows, against the real Api.</summary>
public sealed class JobsClientTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebClientSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await WebClientSession.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task JobsComeNewestFirstPagedAndFilteredByStatus()
    {
        var oldest = await _session.Data.AddJobAsync(null, "fr", JobStatus.Succeeded);
        var middle = await _session.Data.AddJobAsync(null, "de", JobStatus.Failed, "engine_error", "The engine refused.");
        var newest = await _session.Data.AddJobAsync(null, "es", JobStatus.Queued);

        var first = await _session.Client.ListJobsAsync(null, 1, 2, Ct);
        first.Items.Select(job => job.Id).ShouldBe([newest, middle]);
        first.Total.ShouldBe(3);
        (await _session.Client.ListJobsAsync(null, 2, 2, Ct)).Items.Single().Id.ShouldBe(oldest);

        var failed = (await _session.Client.ListJobsAsync("failed", 1, 25, Ct)).Items.ShouldHaveSingleItem();
        WebTexts.JobWords().Note(failed).ShouldBe("The engine refused. (engine_error)");
        JobWords.CanRetry(failed).ShouldBeTrue();
    }

    [Fact]
    public async Task AJobEndedBecauseAHumanTrackArrivedReadsAsAlreadyCoveredAndOffersNoRetry()
    {
        await _session.Data.AddJobAsync(null, "fr", JobStatus.Cancelled, "already_covered", "A French track appeared.");

        var job = (await _session.Client.ListJobsAsync("cancelled", 1, 25, Ct)).Items.ShouldHaveSingleItem();

        WebTexts.JobWords().Status(job).ShouldBe("not needed");
        WebTexts.JobWords().Note(job).ShouldBe("Already covered: A French track appeared.");
        JobWords.CanRetry(job).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnknownStatusFilterIsAProblemNamingStatus()
    {
        var problem = await Should.ThrowAsync<ApiProblemException>(() => _session.Client.ListJobsAsync("finished", 1, 25, Ct));

        problem.Errors.Keys.ShouldBe(["status"]);
    }
}

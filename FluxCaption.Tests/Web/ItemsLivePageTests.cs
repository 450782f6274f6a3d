using System.Globalization;
using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Bunit.Rendering;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Items;
using FluxCaption.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>
/// The items list and an item's page following jobs live through the Api's event stream. Events are
/// published the way the Worker publishes them (the job event recorder), while the job's stored row
/// is left as it was: a page that shows the event's progress has moved without reading the list again.
/// </summary>
public sealed class ItemsLivePageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunningJobsRowMovesWithItsProgressAndShowsTheNewSubtitleWhenTheJobSucceeds()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var item = await _host.Data.AddItemAsync(films, "Film", ItemsTestData.Subtitle("en"));
        await _host.Client.CreateRuleAsync(new RuleInput("French", true, [], ["fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        var job = await _host.Data.AddJobAsync(item.Id, "fr", JobStatus.Running, progress: 0.1);
        var page = _host.Open<ItemsPage>("http://localhost/items");
        page.WaitForAssertion(() => page.Find("[data-testid=item-job]").TextContent.ShouldContain(Percent(0.1)), ItemsWebPageHost.Patience);

        await PublishProgressUntilShownAsync(page, job, "[data-testid=item-job]");

        page.Find("[data-testid=item-job-progress]").ShouldNotBeNull();
        page.Find("[data-testid=missing-chip]").TextContent.ShouldBe("missing fr");

        await FinishAsync(job, item.Id);

        page.WaitForAssertion(() =>
        {
            page.FindAll("[data-testid=missing-chip]").ShouldBeEmpty();
            page.Find("[data-testid=subtitle-chips]").TextContent.ShouldContain("fr · ours");
            page.Find("[data-testid=item-job]").TextContent.Trim().ShouldBeEmpty();
        }, ItemsWebPageHost.Patience);
    }

    [Fact]
    public async Task AnItemsPageMovesItsJobsProgressLiveAndShowsTheCoverageWhenItSucceeds()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var item = await _host.Data.AddItemAsync(films, "Film", ItemsTestData.Subtitle("en"));
        await _host.Client.CreateRuleAsync(new RuleInput("French", true, [], ["fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        var job = await _host.Data.AddJobAsync(item.Id, "fr", JobStatus.Running, progress: 0.1);
        var page = _host.Open<ItemDetailPage>($"http://localhost/items/{item.Id}", new Dictionary<string, object?> { ["Id"] = item.Id });
        page.WaitForAssertion(() => page.Find("[data-testid=coverage]").TextContent.ShouldContain("fr: missing"), ItemsWebPageHost.Patience);

        await PublishProgressUntilShownAsync(page, job, "[data-testid=job-table]");

        await FinishAsync(job, item.Id);

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=coverage]").TextContent.ShouldContain("fr: covered by track 2");
            page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("succeeded");
        }, ItemsWebPageHost.Patience);
    }

    /// <summary>
    /// Publishes progress until the page shows it. The page subscribes from "now" once it is up, so
    /// the first events may go out before it listens; each try moves the progress a little further.
    /// </summary>
    private async Task PublishProgressUntilShownAsync(IRenderedComponent<ContainerFragment> page, Guid jobId, string where)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var progress = 0.4 + (attempt / 100.0);
            await PublishProgressAsync(jobId, progress);
            try
            {
                page.WaitForAssertion(() => page.Find(where).TextContent.ShouldContain(Percent(progress)), TimeSpan.FromSeconds(2));
                await using var db = _host.Data.NewDbContext();
                // The stored row never moved: what the page shows came from the event alone.
                (await db.Jobs.AsNoTracking().SingleAsync(job => job.Id == jobId, Ct)).Progress.ShouldBe(0.1);
                return;
            }
            catch (WaitForFailedException)
            {
                await Task.Delay(600, Ct);
            }
        }

        throw new ShouldAssertException($"The page never showed the job's progress:\n{page.Markup}");
    }

    private async Task PublishProgressAsync(Guid jobId, double progress)
    {
        await using var scope = _host.Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        var job = await db.Jobs.AsNoTracking().SingleAsync(candidate => candidate.Id == jobId, Ct);
        await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().ProgressAsync(job, progress);
    }

    /// <summary>The job succeeds and its French subtitle is written to the item, as the Worker and the next sync leave them.</summary>
    private async Task FinishAsync(Guid jobId, Guid itemId)
    {
        await using (var db = _host.Data.NewDbContext())
        {
            var stored = await db.MediaItems.SingleAsync(candidate => candidate.Id == itemId, Ct);
            stored.Streams = [.. stored.Streams, ItemsTestData.Subtitle("fr", ours: true)];
            await db.SaveChangesAsync(Ct);
            await db.Jobs.Where(job => job.Id == jobId).ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Succeeded).SetProperty(job => job.Progress, 1.0)
                .SetProperty(job => job.FinishedAt, DateTimeOffset.UtcNow), Ct);
        }

        await using var scope = _host.Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().RecordAsync(jobId, JobEventTypes.Succeeded, null, Ct);
    }

    private static string Percent(double progress) => progress.ToString("P0", CultureInfo.CurrentCulture);
}

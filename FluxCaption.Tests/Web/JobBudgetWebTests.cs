using Bunit;
using FluxCaption.Contracts;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Jobs;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>A job's estimate against its spending, and asking again for kept lines, on the jobs page over the real Api.</summary>
public sealed class JobBudgetWebTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ASucceededJobWithKeptLinesShowsItsBudgetAndCanAskAgainForThem()
    {
        var id = await _host.Data.AddJobAsync(null, "fr", JobStatus.Succeeded, progress: 1);
        var other = await _host.Data.AddJobAsync(null, "de", JobStatus.Succeeded, progress: 1);
        var budget = JobBudgetJson.Write(new JobBudget(new JobBudgetFigures(4, 9_000, 3_400, 42, 0.0521m), new JobBudgetFigures(6, 12_500, 4_000, 95, 0.07m)));
        await using (var db = _host.Data.NewDbContext())
        {
            await db.Jobs.Where(job => job.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Budget, budget)
                .SetProperty(job => job.Warnings, """[{"cueIndex":3,"code":"kept_source","message":"Kept the source text: the line came back untranslated."}]"""), Ct);
        }

        var page = _host.Open<JobsPage>("http://localhost/jobs");

        page.WaitForAssertion(() => page.FindAll("[data-testid=job-row-status]").Count.ShouldBe(2), ItemsWebPageHost.Patience);
        page.Find("[data-testid=job-row-budget]").TextContent.Trim()
            .ShouldBe("Estimated 4 requests, 12.4k tokens, 42 s, cost 0.0521; spent 6 requests, 16.5k tokens, 1.6 min, cost 0.07");
        // Only the job that kept a line offers to ask again.
        var askAgain = page.FindAll("[data-testid=job-ask-again]").ShouldHaveSingleItem();
        await askAgain.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.FindAll("[data-testid=job-row-status]").Select(s => s.TextContent).ShouldContain("queued"), ItemsWebPageHost.Patience);
        var asked = await _host.Client.GetJobAsync(id, Ct);
        (asked.Status, asked.Stage, asked.Estimate).ShouldBe(("queued", "translate", (JobBudgetFigures?)null));
        (await _host.Client.GetJobAsync(other, Ct)).Status.ShouldBe("succeeded");
        await using var check = _host.Data.NewDbContext();
        (await check.Jobs.SingleAsync(job => job.Id == id, Ct)).RetranslateKept.ShouldBeTrue();
    }
}

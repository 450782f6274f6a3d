using System.Globalization;
using Bunit;
using System.Net.Http.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Jobs;
using FluxCaption.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The jobs page follows the Api's live events: rows move without the list being read again.</summary>
public sealed class JobsLivePageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunningRowMovesToTheProgressOfALiveEventWithoutReadingTheListAgain()
    {
        var id = await _host.Data.AddJobAsync(null, "fr", JobStatus.Running, progress: 0.1);
        var page = _host.Open<JobsPage>("http://localhost/jobs");
        page.WaitForAssertion(() => page.Find("[data-testid=job-row-percent]").TextContent.ShouldBe(Percent(0.1)), ItemsWebPageHost.Patience);

        // The stored row still says 10%: only the event itself can put 42% on the page.
        await PublishUntilAsync(() => PublishProgressAsync(id, 0.42),
            () => page.Find("[data-testid=job-row-percent]").TextContent.ShouldBe(Percent(0.42)));

        page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("running");
        (await _host.Client.GetJobAsync(id, Ct)).Progress.ShouldBe(0.1);
    }

    [Fact]
    public async Task AJobCreatedElsewhereAppearsOnTheOpenPage()
    {
        await _host.Data.AddJobAsync(null, "fr", JobStatus.Succeeded, progress: 1);
        var page = _host.Open<JobsPage>("http://localhost/jobs");
        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("1 job(s)"), ItemsWebPageHost.Patience);
        // The subscription starts from "now": let it listen before the job is made.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        using var http = _host.Api.CreateAuthorizedClient();
        using var response = await http.PostAsync("api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "pilot.en.srt"), Ct);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JobView>(FluxCaptionApiClient.Json, Ct))!;

        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("2 job(s)"), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=job-row-link]")[0].GetAttribute("href").ShouldBe($"jobs/{created.Id}");
        page.FindAll("[data-testid=job-row-subject]")[0].TextContent.Trim().ShouldBe("pilot.en.srt");
    }

    [Fact]
    public async Task AJobThatLeavesTheFilteredStatusLeavesTheList()
    {
        var id = await _host.Data.AddJobAsync(null, "fr", JobStatus.Queued);
        var page = _host.Open<JobsPage>("http://localhost/jobs?status=queued");
        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("1 job(s)"), ItemsWebPageHost.Patience);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        // Cancelled elsewhere (another tab, the Api): the queued list no longer holds it.
        await _host.Client.ControlAsync(id, "cancel", Ct);

        page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("0 job(s)"), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=job-row-status]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheListReadsInSimplifiedChineseForAChineseReader()
    {
        await _host.Data.AddJobAsync(null, "de", JobStatus.Failed, "engine_error", "Ollama is not running.");
        await _host.Data.AddJobAsync(null, "es", JobStatus.Cancelled, "already_covered", "A Spanish track appeared.");
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var page = _host.Open<JobsPage>("http://localhost/jobs");

            page.WaitForAssertion(() => page.Find("[data-testid=job-total]").TextContent.ShouldBe("共 2 个任务"), ItemsWebPageHost.Patience);
            page.FindAll("[data-testid=job-row-status]").Select(status => status.TextContent).ShouldBe(["无需翻译", "失败"]);
            page.FindAll("[data-testid=job-row-note]")[0].TextContent.Trim().ShouldBe("已有字幕：A Spanish track appeared.");
            page.Find("[data-testid=job-table] thead").TextContent.ShouldContain("创建时间");
            page.Find("[data-testid=job-table]").TextContent.ShouldContain("重试");
            page.Find("h4").TextContent.ShouldBe("任务");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static string Percent(double progress) => progress.ToString("P0", CultureInfo.CurrentCulture);

    private async Task PublishProgressAsync(Guid id, double progress)
    {
        using var scope = _host.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaption.Core.Data.FluxCaptionDbContext>();
        var job = await db.Jobs.AsNoTracking().SingleAsync(candidate => candidate.Id == id, Ct);
        await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().ProgressAsync(job, progress);
    }

    // The page subscribes "from now" once it renders; an event sent before it listens is not replayed,
    // so send again until the page shows it (each send is a real event through Redis and the Api).
    private static async Task PublishUntilAsync(Func<Task> publish, Action assertion)
    {
        var deadline = DateTimeOffset.UtcNow + ItemsWebPageHost.Patience;
        while (true)
        {
            await publish();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
                assertion();
                return;
            }
            catch (ShouldAssertException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }
}

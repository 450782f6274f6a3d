using System.Globalization;
using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Bunit.Rendering;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Dashboard;
using FluxCaption.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Api.Dashboard.DashboardSeed;
using static FluxCaption.Tests.Web.ItemsTestData;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The dashboard page over the real Api, in English and Simplified Chinese, with live events from the real event stream.</summary>
public sealed class DashboardPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;
    private CultureInfo _culture = null!;
    private CultureInfo _uiCulture = null!;

    public async ValueTask InitializeAsync()
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        _host = await ItemsWebPageHost.StartAsync(postgres, redis);
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AFreshInstallSaysToStartInTheSettingsAndTheLibraries()
    {
        Use("en");
        var page = _host.Open<DashboardPage>("/");

        page.WaitForElement("[data-testid=dashboard-empty]", ItemsWebPageHost.Patience);
        page.Find("[data-testid=dashboard-empty]").TextContent.ShouldContain("No library yet.");
        page.Find("[data-testid=empty-settings]").GetAttribute("href").ShouldBe("settings");
        page.Find("[data-testid=empty-libraries]").GetAttribute("href").ShouldBe("libraries");
        page.FindAll("[data-testid=coverage]").ShouldBeEmpty();
        page.Find("[data-testid=running-none]").TextContent.ShouldBe("No job is running.");
    }

    [Fact]
    public async Task GapsLinkToTheFilteredItemsAndFailedJobsToTheirPageWithTheirReason()
    {
        Use("en");
        var (library, failed) = await SeedAsync();

        var page = _host.Open<DashboardPage>("/");

        page.WaitForElement("[data-testid=missing-link]", ItemsWebPageHost.Patience);
        var gap = page.Find("[data-testid=missing-link][data-language=de]");
        gap.GetAttribute("href").ShouldBe($"items?library={library}&missing=de");
        gap.TextContent.Trim().ShouldBe("de: 3 missing");
        page.Find("[data-testid=missing-link][data-language=fr]").TextContent.Trim().ShouldBe("fr: 2 missing");
        page.Find("[data-testid=failed-job-link]").GetAttribute("href").ShouldBe($"jobs/{failed}");
        page.Find("[data-testid=failed-job-reason]").TextContent.ShouldContain("engine_unavailable");
        page.Find("[data-testid=failed-job-reason]").TextContent.ShouldContain("Ollama did not answer.");
        page.Find("[data-testid=status-count][data-status=failed]").TextContent.Trim().ShouldBe("Failed: 1");
        page.Find("[data-testid=running-percent]").TextContent.ShouldBe(0.25.ToString("P0", CultureInfo.GetCultureInfo("en")));
        page.Find("[data-testid=window-totals]").TextContent.Trim().ShouldBe("1 succeeded, 1 failed, 1,200 cues translated, 3 engine requests, 1,500 tokens.");
        page.Markup.ShouldContain(DateOnly.FromDateTime(DateTime.UtcNow).ToString("M", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task InChineseTheFiguresLabelsAndDatesAreChinese()
    {
        Use("zh-CN");
        await SeedAsync();

        var page = _host.Open<DashboardPage>("/");

        page.WaitForElement("[data-testid=missing-link]", ItemsWebPageHost.Patience);
        page.Markup.ShouldContain("仪表板");
        page.Find("[data-testid=missing-link][data-language=de]").TextContent.Trim().ShouldBe("de：缺少 3 个");
        page.Find("[data-testid=status-count][data-status=failed]").TextContent.Trim().ShouldBe("已失败：1");
        page.Find("[data-testid=window-totals]").TextContent.Trim().ShouldBe("成功 1 个，失败 1 个，翻译字幕 1,200 条，引擎请求 3 次，消耗 Token 1,500 个。");
        page.Find("[data-testid=running-stage]").TextContent.ShouldBe("翻译中");
        page.Find("[data-testid=slowest]").TextContent.ShouldContain("耗时最长的任务");
        page.Find("[data-testid=slow-job-duration]").TextContent.ShouldBe("1 小时 30 分钟");
        // Day labels of the charts in Chinese order (month then day with 月/日), never an English month name.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        page.Markup.ShouldContain($"{today.Month}月{today.Day}日");
        page.Markup.ShouldNotContain(today.ToString("MMMM", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task ProgressEventsMoveTheBarAndAJobEndingRefreshesTheFigures()
    {
        Use("en");
        var library = await _host.Data.AddLibraryAsync("Films");
        var film = await _host.Data.AddItemAsync(library, "Metropolis");
        var running = await AddRunningJobAsync(_host.Data, film.Id, "fr", JobStage.Translate, 0.1);
        var page = _host.Open<DashboardPage>("/");
        page.WaitForAssertion(() => page.Find("[data-testid=running-percent]").TextContent.ShouldBe("10%"), ItemsWebPageHost.Patience);

        await RepeatUntilAsync(page, () => page.Find("[data-testid=running-percent]").TextContent.ShouldBe("65%"), async () =>
        {
            await using var scope = _host.Api.Services.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<Core.Data.FluxCaptionDbContext>().Jobs.AsNoTracking().SingleAsync(row => row.Id == running, Ct);
            await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().ProgressAsync(job, 0.65);
        });
        page.Find("[data-testid=status-count][data-status=succeeded]").TextContent.Trim().ShouldBe("Succeeded: 0");

        await using (var scope = _host.Api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.FluxCaptionDbContext>();
            await db.Jobs.Where(row => row.Id == running).ExecuteUpdateAsync(set => set
                .SetProperty(row => row.Status, JobStatus.Succeeded).SetProperty(row => row.Progress, 1)
                .SetProperty(row => row.FinishedAt, DateTimeOffset.UtcNow).SetProperty(row => row.TranslatedCues, 321), Ct);
        }

        await RepeatUntilAsync(page, () => page.Find("[data-testid=running-none]").TextContent.ShouldBe("No job is running."), async () =>
        {
            await using var scope = _host.Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().RecordAsync(running, JobEventTypes.Succeeded, null, Ct);
        });
        page.Find("[data-testid=status-count][data-status=succeeded]").TextContent.Trim().ShouldBe("Succeeded: 1");
        page.Find("[data-testid=window-totals]").TextContent.ShouldContain("321 cues translated");
    }

    /// <summary>
    /// Publishes until the page shows the effect: the page's subscription starts from "now", and on a busy
    /// machine it may not be listening yet when the first event goes out.
    /// </summary>
    private static async Task RepeatUntilAsync(IRenderedComponent<ContainerFragment> page, Action assertion, Func<Task> publish)
    {
        var deadline = DateTime.UtcNow + ItemsWebPageHost.Patience;
        while (true)
        {
            await publish();
            try
            {
                page.WaitForAssertion(assertion, TimeSpan.FromSeconds(4));
                return;
            }
            catch (WaitForFailedException) when (DateTime.UtcNow < deadline)
            {
                // Not seen yet: publish again.
            }
        }
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    /// <summary>One library wanting fr and de over four items, a running, a succeeded and a failed job.</summary>
    private async Task<(Guid Library, Guid Failed)> SeedAsync()
    {
        var library = await _host.Data.AddLibraryAsync("Films");
        await AddRuleAsync(_host.Data, "Films in French and German", [library.Id], "fr", "de");
        var first = await _host.Data.AddItemAsync(library, "Nosferatu", Subtitle("fr"));
        await _host.Data.AddItemAsync(library, "Metropolis", Subtitle("de"));
        await _host.Data.AddItemAsync(library, "M");
        await _host.Data.AddItemAsync(library, "Faust", Subtitle("fr"));
        await AddRunningJobAsync(_host.Data, first.Id, "de", JobStage.Translate, 0.25);
        var today = DayStart(0);
        await AddFinishedJobAsync(_host.Data, null, "fr", JobStatus.Succeeded, today, today.AddMinutes(90), cues: 1200, requests: 2, promptTokens: 1000, completionTokens: 400);
        var failed = await AddFinishedJobAsync(_host.Data, first.Id, "ja", JobStatus.Failed, today, today.AddMinutes(1),
            requests: 1, promptTokens: 100, errorCode: "engine_unavailable", errorMessage: "Ollama did not answer.");
        return (library.Id, failed);
    }
}

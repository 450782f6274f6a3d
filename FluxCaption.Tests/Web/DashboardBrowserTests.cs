using FluxCaption.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>The dashboard as the home page, in a real browser against the real system (Api, Worker, Web).</summary>
public sealed class DashboardBrowserTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TheHomePageIsTheDashboardInEnglishAndChineseAndAFreshInstallIsSentToTheSettings()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var page = await system.NewPageAsync();
        // The first request starts the Web app's circuit machinery; on a busy build machine that takes a while.
        page.SetDefaultNavigationTimeout(120_000);
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(system.WebUrl + "/");
        await page.Locator("[data-testid=dashboard-page][data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByTestId("dashboard-empty").WaitForAsync(new() { Timeout = 30_000 });
        (await page.GetByTestId("dashboard-empty").InnerTextAsync()).ShouldContain("No library yet.");
        (await page.GetByTestId("queues").InnerTextAsync()).ShouldContain("Translating");
        (await page.GetByTestId("daily").InnerTextAsync()).ShouldContain("Jobs finished per day");

        await page.GetByTestId("empty-settings").ClickAsync();
        await page.WaitForURLAsync(system.WebUrl + "/settings");

        await page.GotoAsync(system.WebUrl + "/culture?name=zh-CN&returnUrl=/");
        await page.Locator("[data-testid=dashboard-page][data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByTestId("dashboard-empty").WaitForAsync(new() { Timeout = 30_000 });
        (await page.GetByTestId("dashboard-empty").InnerTextAsync()).ShouldContain("还没有媒体库。");
        (await page.GetByTestId("daily").InnerTextAsync()).ShouldContain("每日完成的任务");
        (await page.TitleAsync()).ShouldBe("仪表板 - FluxCaption");
    }
}

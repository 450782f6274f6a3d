using FluxCaption.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>Choosing Chinese from the app bar in Debian's Chromium, against the real system.</summary>
public sealed class LanguageSwitchBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private const float Patience = 60_000;

    [Fact]
    public async Task ChoosingChineseInTheAppBarTranslatesThePageAndIsRememberedAfterAReload()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var page = await system.NewPageAsync();
        await page.GotoAsync(system.WebUrl + "/settings");
        await page.Locator("[data-testid=settings-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await page.Locator(".mud-navmenu").InnerTextAsync()).ShouldContain("Libraries");

        await page.GetByTestId("language-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("language-zh-CN").ClickAsync();

        await page.Locator("html[lang=zh-CN]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        new Uri(page.Url).AbsolutePath.ShouldBe("/settings", "the switch comes back to the page it was made on");
        await ChineseAsync(page);

        await page.ReloadAsync();
        await ChineseAsync(page);
    }

    private static async Task ChineseAsync(IPage page)
    {
        await page.Locator("[data-testid=settings-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        var navigation = await page.Locator(".mud-navmenu").InnerTextAsync();
        navigation.ShouldContain("媒体库");
        navigation.ShouldContain("设置");
        (await page.Locator("h4").InnerTextAsync()).ShouldBe("设置");
        (await page.GetByTestId("language-menu").InnerTextAsync()).ShouldContain("简体中文");
    }
}

using Bunit;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Libraries;
using FluxCaption.Web.Components.Pages.Libraries;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using MudBlazor.Services;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>What a library row says: its missing counts as links to those very items, and one true sentence about its sync.</summary>
public sealed class LibraryRowTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachMissingCountLinksToTheItemsOfThatLibraryLackingThatLanguage()
    {
        await using var host = await ItemsWebPageHost.StartAsync(postgres, redis);
        var films = await host.Data.AddLibraryAsync("Films");
        var shows = await host.Data.AddLibraryAsync("Shows");
        await host.Data.AddItemAsync(films, "Bare");
        await host.Data.AddItemAsync(films, "French already", ItemsTestData.Subtitle("fr"));
        await host.Data.AddItemAsync(shows, "Pilot");
        await host.Client.CreateRuleAsync(new RuleInput("Films", true, [films.Id], ["fr", "de"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        await host.Client.CreateRuleAsync(new RuleInput("Shows", true, [shows.Id], ["es"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);

        var page = host.Open<LibrariesPage>("http://localhost/libraries");

        page.WaitForAssertion(() => page.FindAll("[data-testid=library-missing]").Count.ShouldBe(2), ItemsWebPageHost.Patience);
        var cells = page.FindAll("[data-testid=library-missing]");
        var filmLinks = cells[0].QuerySelectorAll("[data-testid=missing-link]")
            .Select(link => (link.TextContent.Trim(), link.GetAttribute("href"))).ToList();
        cells[0].TextContent.ShouldStartWith("2");
        filmLinks.ShouldBe([("fr: 1", $"items?library={films.Id}&missing=fr"), ("de: 2", $"items?library={films.Id}&missing=de")]);
        var showLink = cells[1].QuerySelector("[data-testid=missing-link]")!;
        (showLink.TextContent.Trim(), showLink.GetAttribute("href")).ShouldBe(("1", $"items?library={shows.Id}&missing=es"));
    }

    [Fact]
    public async Task ASyncThatWaitsSaysSoInBothLinesAndNeverAsksToPressSyncNow()
    {
        await using var context = NewContext();

        var waiting = context.Render<LastSyncCell>(cell => cell.Add(c => c.Sync, new LibrarySyncView(null, null, null, null, 0)).Add(c => c.Waiting, true));
        var again = context.Render<LastSyncCell>(cell => cell
            .Add(c => c.Sync, new LibrarySyncView("succeeded", DateTimeOffset.UtcNow.AddMinutes(-6), DateTimeOffset.UtcNow.AddMinutes(-5), null, 3))
            .Add(c => c.Waiting, true));
        var never = context.Render<LastSyncCell>(cell => cell.Add(c => c.Sync, new LibrarySyncView(null, null, null, null, 0)));

        waiting.Find("[data-testid=sync-status]").TextContent.Trim().ShouldBe("Waiting to start");
        waiting.Find("[data-testid=sync-detail]").TextContent.ShouldBe("The first sync starts as soon as a worker is free.");
        waiting.Markup.ShouldNotContain("Sync now");
        again.Find("[data-testid=sync-detail]").TextContent.ShouldBe("Last synced 5 min ago; the new sync starts as soon as a worker is free.");
        never.Find("[data-testid=sync-status]").TextContent.Trim().ShouldBe("Never synced");
        never.Find("[data-testid=sync-detail]").TextContent.ShouldBe("Press \"Sync now\" to read its videos.");
    }

    [Fact]
    public async Task InChineseTheSyncLinesReadInChinese()
    {
        using var culture = WebTexts.InCulture("zh-CN");
        await using var context = NewContext();

        var cell = context.Render<LastSyncCell>(c => c
            .Add(p => p.Sync, new LibrarySyncView("succeeded", DateTimeOffset.UtcNow.AddMinutes(-6), DateTimeOffset.UtcNow.AddMinutes(-5), null, 1234)));

        cell.Find("[data-testid=sync-status]").TextContent.Trim().ShouldBe("已同步");
        cell.Find("[data-testid=sync-detail]").TextContent.ShouldBe("5 分钟前，发现 1,234 个视频");
    }

    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddWebLocalization();
        return context;
    }
}

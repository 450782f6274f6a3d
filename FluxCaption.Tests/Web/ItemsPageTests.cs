using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TestContext = Xunit.TestContext;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Items;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The items page and an item's detail as a user sees and uses them, on the real Api.</summary>
public sealed class ItemsPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ALinkFilteredToAMissingLanguageShowsOnlyTheGapsWithEachTracksMarks()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var other = await _host.Data.AddLibraryAsync("Other");
        await _host.Data.AddItemAsync(films, "Forced only", ItemsTestData.Subtitle("fr", forced: true), ItemsTestData.Subtitle("en", hearingImpaired: true));
        await _host.Data.AddItemAsync(films, "Has French", ItemsTestData.Subtitle("fr"));
        await _host.Data.AddItemAsync(films, "French picture", ItemsTestData.Subtitle("fr", text: false));
        await _host.Data.AddItemAsync(other, "Elsewhere");
        await _host.Client.CreateRuleAsync(new RuleInput("French", true, [], ["fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);

        var page = _host.Open<ItemsPage>($"http://localhost/items?library={films.Id}&missing=fr");

        page.WaitForAssertion(() => page.Find("[data-testid=item-total]").TextContent.ShouldBe("1 item(s)"), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=item-link]").Select(link => link.TextContent).ShouldBe(["Forced only"]);
        var chips = page.Find("[data-testid=subtitle-chips]").TextContent;
        chips.ShouldContain("fr · forced");
        chips.ShouldContain("en · SDH");
        page.Find("[data-testid=missing-chip]").TextContent.ShouldBe("missing fr");
        ItemsWebPageHost.Input(page, "filter-missing").GetAttribute("value").ShouldBe("fr");
    }

    [Fact]
    public async Task TranslatingSelectedItemsSaysWhatWasCreatedCoveredAndAlreadyQueued()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var bare = await _host.Data.AddItemAsync(films, "English only", ItemsTestData.Subtitle("en"));
        await _host.Data.AddItemAsync(films, "Has French", ItemsTestData.Subtitle("fr"));
        var page = _host.Open<ItemsPage>("http://localhost/items");
        page.WaitForAssertion(() => page.FindAll("[data-testid=item-link]").Count.ShouldBe(2), ItemsWebPageHost.Patience);

        await TranslateAsync(page, rows: 2, "fr");

        page.WaitForAssertion(() => page.Find("[data-testid=translate-outcome]").TextContent
            .ShouldContain("1 job created. 1 language(s) were already covered by a subtitle."), ItemsWebPageHost.Patience);
        var job = (await _host.Client.GetItemAsync(bare.Id, Ct)).Jobs.ShouldHaveSingleItem();
        job.TargetLanguage.ShouldBe("fr");
        page.WaitForAssertion(() => page.FindAll("[data-testid=item-job]")[0].TextContent.ShouldContain("fr: queued"), ItemsWebPageHost.Patience);

        await TranslateAsync(page, rows: 1, "fr");

        page.WaitForAssertion(() => page.Find("[data-testid=translate-outcome]").TextContent
            .ShouldContain("No new job was needed. 1 were already queued or running."), ItemsWebPageHost.Patience);
        (await _host.Client.GetItemAsync(bare.Id, Ct)).Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public void ALanguageTheApiDoesNotKnowShowsTheApisReason()
    {
        var page = _host.Open<ItemsPage>("http://localhost/items?missing=elvish");

        page.WaitForAssertion(() => page.Find("[data-testid=problem]").TextContent.ShouldContain("'elvish' is not a language"), ItemsWebPageHost.Patience);
    }

    [Fact]
    public void WithNoLibraryThePageSaysWhereToStart()
    {
        var page = _host.Open<ItemsPage>("http://localhost/items");

        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldStartWith("No libraries yet"), ItemsWebPageHost.Patience);
    }

    [Fact]
    public async Task AnItemsDetailShowsItsTracksCoverageAndJobsInPlainWords()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var item = await _host.Data.AddEpisodeAsync(films, "Dark", 1, 2, "Lies");
        await using (var db = _host.Data.NewDbContext())
        {
            var stored = await db.MediaItems.FindAsync([item.Id], Ct);
            stored!.Streams = [ItemsTestData.Subtitle("de", text: false), ItemsTestData.Subtitle("en", ours: true)];
            await db.SaveChangesAsync(Ct);
        }

        await _host.Client.CreateRuleAsync(new RuleInput("Two", true, [films.Id], ["de", "fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        await _host.Data.AddJobAsync(item.Id, "fr", JobStatus.Failed, "engine_error", "Apertium has no en-fr pair.");

        var page = _host.Open<ItemDetailPage>($"http://localhost/items/{item.Id}", new Dictionary<string, object?> { ["Id"] = item.Id });

        page.WaitForAssertion(() => page.Find("[data-testid=item-title]").TextContent.ShouldBe("Dark S01E02 · Lies"), ItemsWebPageHost.Patience);
        var coverage = page.Find("[data-testid=coverage]").TextContent;
        coverage.ShouldContain("de: covered by track 1");
        coverage.ShouldContain("fr: missing");
        var tracks = page.Find("[data-testid=track-table]").TextContent;
        tracks.ShouldContain("bitmap (needs OCR)");
        tracks.ShouldContain("written by FluxCaption");
        page.Find("[data-testid=job-row-status]").TextContent.ShouldBe("failed");
        page.Find("[data-testid=job-row-note]").TextContent.ShouldBe("Apertium has no en-fr pair. (engine_error)");
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData(null, "")]
    public async Task TranslateSelectedOffersTheMissingLanguageBeingFilteredOn(string? missing, string offered)
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        await _host.Data.AddItemAsync(films, "English only", ItemsTestData.Subtitle("en"));
        var page = _host.Open<ItemsPage>(missing is null ? "http://localhost/items" : $"http://localhost/items?missing={missing}");
        page.WaitForAssertion(() => page.FindAll("[data-testid=item-link]").Count.ShouldBe(1), ItemsWebPageHost.Patience);

        await page.Find("[data-testid=item-table] tbody input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => page.Find("[data-testid=translate-selected]").TextContent.ShouldContain("(1)"), ItemsWebPageHost.Patience);
        await page.Find("[data-testid=translate-selected]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => ItemsWebPageHost.Input(page, "translate-languages").GetAttribute("value").ShouldBe(offered), ItemsWebPageHost.Patience);
    }

    [Fact]
    public async Task InChineseTheItemsListAndAnItemsPageReadInChinese()
    {
        var films = await _host.Data.AddLibraryAsync("Films");
        var item = await _host.Data.AddItemAsync(films, "Film", ItemsTestData.Subtitle("en", hearingImpaired: true), ItemsTestData.Subtitle("de", text: false));
        await _host.Client.CreateRuleAsync(new RuleInput("Two", true, [], ["de", "fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var list = _host.Open<ItemsPage>("http://localhost/items");

            list.WaitForAssertion(() => list.Find("[data-testid=item-total]").TextContent.ShouldBe("共 1 个条目"), ItemsWebPageHost.Patience);
            list.Find("[data-testid=item-table] thead").TextContent.ShouldContain("标题");
            list.Find("[data-testid=translate-selected]").TextContent.ShouldContain("翻译所选");
            list.Find("[data-testid=missing-chip]").TextContent.ShouldBe("缺少 fr");
            list.Find("[data-testid=subtitle-chips]").TextContent.ShouldContain("en · 听障");
            list.Find("[data-testid=item-filters]").TextContent.ShouldContain("缺少的语言");

            await _host.Bunit.DisposeComponentsAsync();
            var detail = _host.Open<ItemDetailPage>($"http://localhost/items/{item.Id}", new Dictionary<string, object?> { ["Id"] = item.Id });

            detail.WaitForAssertion(() => detail.Find("[data-testid=coverage]").TextContent.ShouldContain("de：由轨道 2 覆盖"), ItemsWebPageHost.Patience);
            detail.Find("[data-testid=coverage]").TextContent.ShouldContain("fr：缺失");
            detail.Find("[data-testid=track-table]").TextContent.ShouldContain("图像字幕（需要 OCR）");
            detail.Markup.ShouldContain("想要的语言");
            detail.Markup.ShouldNotContain("Wanted languages");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Ticks the first <paramref name="rows"/> rows, presses "Translate selected", types the languages and sends.</summary>
    private static async Task TranslateAsync(IRenderedComponent<ContainerFragment> page, int rows, string languages)
    {
        var boxes = page.FindAll("[data-testid=item-table] tbody input[type=checkbox]");
        foreach (var box in boxes.Take(rows))
        {
            await box.ChangeAsync(new ChangeEventArgs { Value = true });
        }

        page.WaitForAssertion(() => page.Find("[data-testid=translate-selected]").TextContent.ShouldContain($"({rows})"), ItemsWebPageHost.Patience);
        await page.Find("[data-testid=translate-selected]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("[data-testid=translate-languages]"), ItemsWebPageHost.Patience);
        await ItemsWebPageHost.Input(page, "translate-languages").ChangeAsync(new ChangeEventArgs { Value = languages });
        await page.Find("[data-testid=translate-send]").ClickAsync(new MouseEventArgs());
    }
}

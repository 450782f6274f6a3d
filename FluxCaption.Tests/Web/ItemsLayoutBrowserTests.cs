using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>The items list and an item's page on a common laptop screen (1366 x 768), in English and Chinese.</summary>
public sealed class ItemsLayoutBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private const float Patience = 60_000;

    // Every button (and link drawn as a button) in the page's main part that is on screen and has text:
    // its text must fit in it, and it must sit inside the window's width (no sideways scrolling to reach it).
    private const string BadButtons = """
        () => {
          const root = document.querySelector('.mud-main-content') ?? document.body;
          const width = document.documentElement.clientWidth;
          return [...root.querySelectorAll('button, a.mud-button-root')]
            .filter(button => button.offsetParent !== null && button.innerText.trim() !== '')
            .map(button => {
              const label = button.querySelector('.mud-button-label') ?? button;
              const box = button.getBoundingClientRect();
              const clipped = button.scrollWidth > button.clientWidth || label.scrollWidth > label.clientWidth;
              const outside = box.left < 0 || box.right > width;
              return clipped || outside ? `${button.innerText.trim()}${clipped ? ' (clipped)' : ''}${outside ? ' (outside the window)' : ''}` : null;
            })
            .filter(problem => problem !== null);
        }
        """;

    [Fact]
    public async Task AtLaptopWidthEveryButtonOnTheItemsPagesShowsItsWholeText()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var data = new ItemsTestData(system.DatabaseConnectionString);
        var films = await data.AddLibraryAsync("Films");
        var item = await data.AddEpisodeAsync(films, "A Series With A Rather Long Name", 3, 12, "An Episode Whose Title Also Runs Long");
        await using (var db = data.NewDbContext())
        {
            var stored = await db.MediaItems.FindAsync([item.Id], TestContext.Current.CancellationToken);
            stored!.Streams = [ItemsTestData.Subtitle("en", hearingImpaired: true), ItemsTestData.Subtitle("de", text: false), ItemsTestData.Subtitle("es", ours: true)];
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await data.AddJobAsync(item.Id, "fr", JobStatus.Succeeded);
        await data.AddJobAsync(item.Id, "it", JobStatus.Failed, "engine_error", "The engine could not be reached at its configured address.");
        await data.AddJobAsync(item.Id, "ja", JobStatus.Paused, progress: 0.4);
        var page = await system.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);

        foreach (var culture in new[] { "en", "zh-CN" })
        {
            await page.GotoAsync($"{system.WebUrl}/culture?name={culture}&returnUrl=/items");
            await page.Locator("[data-testid=items-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
            await page.GetByTestId("item-link").WaitForAsync(new() { Timeout = Patience });
            await page.Locator("[data-testid=item-table] tbody input[type=checkbox]").First.CheckAsync();
            await Assertions.Expect(page.GetByTestId("translate-selected")).ToBeEnabledAsync();
            (await page.EvaluateAsync<string[]>(BadButtons)).ShouldBeEmpty($"items list in {culture}");

            await page.GotoAsync($"{system.WebUrl}/items/{item.Id}");
            await page.Locator("[data-testid=item-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
            await page.GetByTestId("job-table").WaitForAsync(new() { Timeout = Patience });
            // The buttons the three jobs offer (download, retry, resume, cancel) are all there to be measured.
            (await page.Locator(".mud-main-content [data-testid=job-table] .mud-button-root").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
            (await page.EvaluateAsync<string[]>(BadButtons)).ShouldBeEmpty($"item page in {culture}");
        }
    }
}

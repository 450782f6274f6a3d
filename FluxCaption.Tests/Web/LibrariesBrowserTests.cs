using System.Text.RegularExpressions;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>A new user's first steps with a Jellyfin server, in a real browser against the real system.</summary>
public sealed class LibrariesBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private const float Patience = 60_000;

    [Fact]
    public async Task AUserConnectsJellyfinPullsItsLibrariesAndSyncsOne()
    {
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Xunit.TestContext.Current.CancellationToken);
        var movies = jellyfin.AddLibrary("Movies", "/media/movies");
        jellyfin.AddSyntheticItems(movies, 3);
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var page = await system.NewPageAsync();

        // Settings: the URL and key, a test that names the server, then Save.
        await page.GotoAsync(system.WebUrl + "/settings");
        await page.Locator("[data-testid=settings-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
        await page.GetByTestId("jellyfin-url").FillAsync(jellyfin.Endpoint.ToString());
        await page.GetByTestId("jellyfin-key").FillAsync(jellyfin.ApiKey);
        await page.GetByTestId("jellyfin-test").ClickAsync();
        await Expect(page.GetByTestId("jellyfin-verdict"), "Connected to Scripted Jellyfin (Jellyfin 12.0.0).");
        await page.GetByTestId("jellyfin-save").ClickAsync();
        await Expect(page.GetByTestId("jellyfin-saved"), "Saved.");
        (await page.GetByTestId("jellyfin-key").InputValueAsync()).ShouldBeEmpty();

        // Libraries: pull the server's list, sync the library, and watch the row fill in by itself.
        await page.GotoAsync(system.WebUrl + "/libraries");
        await page.Locator("[data-testid=libraries-page][data-interactive=true]").WaitForAsync(new() { Timeout = Patience });
        await Expect(page.GetByTestId("empty"), "No libraries yet");
        await page.GetByTestId("refresh-jellyfin").ClickAsync();
        await Expect(page.GetByTestId("library-name"), "Movies");
        await page.GetByTestId("sync-now").ClickAsync();
        // Exactly "Synced": "Never synced" before the click contains the word too.
        await Expect(page.GetByTestId("sync-status").Filter(new() { HasTextRegex = new Regex(@"^\s*Synced\s*$") }), "Synced");
        (await page.GetByTestId("library-items").InnerTextAsync()).ShouldBe("3");
        (await page.GetByTestId("last-sync").InnerTextAsync()).ShouldContain("3 videos seen");
        (await page.GetByTestId("library-name").GetAttributeAsync("href")).ShouldStartWith("items?library=");
    }

    private static async Task Expect(ILocator locator, string text)
    {
        try
        {
            await locator.Filter(new() { HasText = text }).WaitForAsync(new() { Timeout = Patience });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{text}' never showed; the element says: {(await locator.CountAsync() > 0 ? await locator.First.InnerTextAsync() : "(not there)")}");
        }
    }
}

using System.Text.Json;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>The rules page on a common laptop screen, in a real browser against the real system.</summary>
public sealed class RulesBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task At1366PixelsEveryButtonOfTheRulesPageShowsItsWholeTextInsideTheWindow()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        using var http = system.CreateApiClient();
        var api = new FluxCaptionApiClient(http);
        await api.CreateRuleAsync(new RuleInput(
            "Nightly translations for every film and series library", true, [], ["fr", "de", "zh-Hans", "pt-BR"], [],
            null, "qwen2.5:7b-instruct", "0 15 22 ? * MON-FRI", 10, TimeSpan.FromDays(2)), Ct);
        await api.CreateRuleAsync(new RuleInput("Weekly", false, [], ["es"], [], null, null, "0 0 4 ? * SUN", 0, TimeSpan.Zero), Ct);
        var page = await system.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync(system.WebUrl + "/rules");
        await page.Locator("[data-testid=rules-page][data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByTestId("rule-run").First.WaitForAsync(new() { Timeout = 60_000 });

        var buttons = await ButtonsAsync(page);
        // innerText is what is painted, capitals included (MudBlazor buttons are upper case).
        buttons.Count(button => button.Text.ToUpperInvariant() is "RUN NOW" or "EDIT" or "DELETE")
            .ShouldBe(6, $"the buttons seen: {string.Join(", ", buttons.Select(button => button.Text))}");
        foreach (var button in buttons)
        {
            button.Clipped.ShouldBeFalse($"'{button.Text}' shows only part of its text");
            (button.Left >= 0 && button.Right <= 1366).ShouldBeTrue($"'{button.Text}' reaches from {button.Left} to {button.Right}, outside the 1366 px window");
        }

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366, "the page scrolls sideways");
    }

    private sealed record ButtonBox(string Text, double Left, double Right, bool Clipped);

    // Every button a person can see, with its box and whether any part of it cuts its own text off.
    private static async Task<List<ButtonBox>> ButtonsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('button')]
                .filter(button => button.offsetParent !== null)
                .map(button => {
                    const box = button.getBoundingClientRect();
                    const parts = [button, ...button.querySelectorAll('*')];
                    return {
                        text: button.innerText.trim(),
                        left: box.left,
                        right: box.right,
                        clipped: parts.some(part => part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).overflow !== 'visible'),
                    };
                })
            """);
        return [.. json.EnumerateArray().Select(button => new ButtonBox(
            button.GetProperty("text").GetString() ?? "", button.GetProperty("left").GetDouble(),
            button.GetProperty("right").GetDouble(), button.GetProperty("clipped").GetBoolean()))];
    }
}

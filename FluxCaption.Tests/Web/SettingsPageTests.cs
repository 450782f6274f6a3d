using System.Net;
using System.Net.Sockets;
using Bunit;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using FluxCaption.Web.Components.Pages.Settings;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The Settings page rendered with bUnit against the real Api: what a user sees, types and clicks.</summary>
public sealed class SettingsPageTests(PostgresServer postgres, RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSavedUrlShowsAndTheSavedKeyNeverDoes()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await harness.Client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("http://jellyfin.test:8096", "the-saved-key"), Ct);

        var page = harness.Render<SettingsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-url]").GetAttribute("value").ShouldBe("http://jellyfin.test:8096/"), Patience);
        page.Find("[data-testid=jellyfin-key]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.Find("[data-testid=jellyfin-key]").GetAttribute("type").ShouldBe("password");
        page.Markup.ShouldNotContain("the-saved-key");
        page.Find("[data-testid=jellyfin-settings]").TextContent.ShouldContain("A key is saved. Leave this empty to keep it.");
    }

    [Fact]
    public async Task TestingTheConnectionShowsTheApisVerdictInPlainWords()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-settings]").TextContent.ShouldContain("No key is saved yet."), Patience);

        var verdict = await TestAsync(page, jellyfin.Endpoint.ToString(), jellyfin.ApiKey);
        verdict.ShouldContain("Connected to Scripted Jellyfin (Jellyfin 12.0.0).");

        (await TestAsync(page, jellyfin.Endpoint.ToString(), "a-wrong-key")).ShouldContain("Jellyfin refused the API key");
        jellyfin.Version = "10.8.13";
        (await TestAsync(page, jellyfin.Endpoint.ToString(), jellyfin.ApiKey)).ShouldContain("is too old");
        (await TestAsync(page, $"http://127.0.0.1:{ClosedPort()}", jellyfin.ApiKey)).ShouldContain("could not be reached");
        (await harness.Client.GetJellyfinSettingsAsync(Ct)).Url.ShouldBeNull("testing does not save");
    }

    [Fact]
    public async Task SavingShowsTheApisReasonNextToTheFieldAndAnEmptyKeyKeepsTheSavedOne()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await harness.Client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("http://jellyfin.test:8096", "the-saved-key"), Ct);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-url]").GetAttribute("value").ShouldNotBeNullOrEmpty(), Patience);

        await page.ChangeToAsync("[data-testid=jellyfin-url]", "jellyfin.test:8096?x=1");
        await page.ClickOnAsync("[data-testid=jellyfin-save]");
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-settings] .mud-input-error").TextContent.ShouldContain("not an absolute http or https URL"), Patience);

        await page.ChangeToAsync("[data-testid=jellyfin-url]", "http://media.test:8096");
        await page.ClickOnAsync("[data-testid=jellyfin-save]");
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-saved]").TextContent.ShouldContain("Saved."), Patience);
        (await harness.Client.GetJellyfinSettingsAsync(Ct)).ShouldBe(new JellyfinSettingsView("http://media.test:8096/", IsKeySet: true));
    }

    [Fact]
    public async Task EquivalencesAreAddedAndRemovedAsChipsAndSavedInCanonicalForm()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=equivalences]").TextContent.ShouldContain("None"), Patience);

        await page.ChangeToAsync("[data-testid=coverage-forced]", true);
        await page.ChangeToAsync("[data-testid=equivalence-covering]", "zh-TW");
        await page.ChangeToAsync("[data-testid=equivalence-covered]", "zh-CN");
        await page.ClickOnAsync("[data-testid=equivalence-add]");
        await page.ClickOnAsync("[data-testid=coverage-save]");

        page.WaitForAssertion(() => page.Find("[data-testid=coverage-saved]"), Patience);
        page.Find("[data-testid=equivalence]").TextContent.ShouldContain("zh-Hant = zh-Hans");
        var saved = await harness.Client.GetCoverageSettingsAsync(Ct);
        saved.ForcedCounts.ShouldBeTrue();
        saved.Equivalences.ShouldBe(["zh-Hant=zh-Hans"]);

        await page.ClickOnAsync("[data-testid=equivalence] .mud-chip-close-button");
        await page.ClickOnAsync("[data-testid=coverage-save]");
        page.WaitForAssertion(() => page.Find("[data-testid=coverage-saved]"), Patience);
        (await harness.Client.GetCoverageSettingsAsync(Ct)).Equivalences.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEquivalenceTheApiRefusesShowsItsReason()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=equivalences]"), Patience);

        await page.ChangeToAsync("[data-testid=equivalence-covering]", "klingon");
        await page.ChangeToAsync("[data-testid=equivalence-covered]", "en");
        await page.ClickOnAsync("[data-testid=equivalence-add]");
        await page.ClickOnAsync("[data-testid=coverage-save]");

        page.WaitForAssertion(() => page.Find("[data-testid=coverage-settings] [data-testid=problem]").TextContent.ShouldContain("'klingon=en'"), Patience);
        (await harness.Client.GetCoverageSettingsAsync(Ct)).Equivalences.ShouldBeEmpty();
    }

    [Fact]
    public async Task RotatingTheWebhookSecretShowsItOnceWithTheUrlAndHeaderThePluginNeeds()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-state]").TextContent.ShouldContain("No secret yet"), Patience);

        await page.ClickOnAsync("[data-testid=webhook-rotate]");

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-secret]").TextContent.ShouldContain("it will not be shown again"), Patience);
        var url = page.Find("[data-testid=webhook-url]").TextContent;
        url.ShouldStartWith("POST http");
        url.ShouldEndWith("/api/webhooks/jellyfin");
        var header = page.Find("[data-testid=webhook-header]").TextContent.Split(": ", 2);
        header[0].ShouldBe("X-FluxCaption-Secret");
        await page.ClickOnAsync("[data-testid=webhook-copy-secret]");
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-copied]").TextContent.ShouldBe("Copied to the clipboard."), Patience);
        harness.Bunit.JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.ShouldBe([header[1]]);

        // The secret on screen is the one the webhook accepts.
        (await CallWebhookAsync(harness, header[0], header[1])).ShouldBe(HttpStatusCode.NoContent);

        // Coming back to the page later: the secret is no longer anywhere on it.
        await harness.Bunit.DisposeComponentsAsync();
        var again = harness.Render<SettingsPage>();
        again.WaitForAssertion(() => again.Find("[data-testid=webhook-state]").TextContent.ShouldContain("A secret is set"), Patience);
        again.Markup.ShouldNotContain(header[1]);

        // Rotating a set secret asks first; "Cancel" leaves the plugin's secret working.
        await again.ClickOnAsync("[data-testid=webhook-rotate]");
        again.WaitForAssertion(() => again.Find(".mud-dialog").TextContent.ShouldContain("stops working at once"), Patience);
        await again.InvokeAsync(() => again.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        again.WaitForAssertion(() => again.FindAll(".mud-dialog").ShouldBeEmpty(), Patience);
        again.FindAll("[data-testid=webhook-secret]").ShouldBeEmpty();
        (await CallWebhookAsync(harness, header[0], header[1])).ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>Fills in URL and key, presses "Test connection" and reads the verdict once it is there.</summary>
    private static async Task<string> TestAsync(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string url, string key)
    {
        await page.ChangeToAsync("[data-testid=jellyfin-url]", url);
        await page.ChangeToAsync("[data-testid=jellyfin-key]", key);
        await page.ClickOnAsync("[data-testid=jellyfin-test]");
        string? verdict = null;
        page.WaitForAssertion(() => verdict = page.Find("[data-testid=jellyfin-verdict]").TextContent, Patience);
        return verdict!;
    }

    private static async Task<HttpStatusCode> CallWebhookAsync(SettingsAndLibrariesHarness harness, string header, string secret)
    {
        using var anonymous = harness.CreateAnonymousClient();
        using var call = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/jellyfin")
        {
            Content = new StringContent("""{"NotificationType":"PlaybackStart"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        call.Headers.Add(header, secret);
        using var response = await anonymous.SendAsync(call, Ct);
        return response.StatusCode;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

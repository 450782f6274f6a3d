using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Api.Libraries;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Settings;

public sealed class CoverageAndWebhookSettingsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LibraryApiHost.CreateAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CoverageStartsAtTheDefaultsAndKeepsWhatWasSavedInCanonicalForm()
    {
        var defaults = await _host.GetJsonAsync("/api/settings/coverage");
        defaults.GetProperty("forcedCounts").GetBoolean().ShouldBeFalse();
        defaults.GetProperty("hearingImpairedCounts").GetBoolean().ShouldBeTrue();
        defaults.GetProperty("equivalences").GetArrayLength().ShouldBe(0);

        using var put = await _host.PutAsync("/api/settings/coverage",
            new { forcedCounts = true, hearingImpairedCounts = false, bitmapCounts = false, equivalences = new[] { "zh-TW = zh-CN" } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        var saved = await _host.GetJsonAsync("/api/settings/coverage");
        saved.GetProperty("forcedCounts").GetBoolean().ShouldBeTrue();
        saved.GetProperty("bitmapCounts").GetBoolean().ShouldBeFalse();
        saved.GetProperty("equivalences").EnumerateArray().Select(e => e.GetString()).ShouldBe(["zh-Hant=zh-Hans"]);
    }

    [Fact]
    public async Task AnEquivalenceThatIsNotTwoLanguagesIsRefusedByName()
    {
        using var response = await _host.PutAsync("/api/settings/coverage",
            new { forcedCounts = false, hearingImpairedCounts = true, bitmapCounts = true, equivalences = new[] { "zh-Hant" } });
        (await response.ShouldNameFieldAsync("equivalences")).ShouldContain("zh-Hant");
    }

    [Fact]
    public async Task TheWebhookSecretIsShownOnlyInTheRotationAnswerAndStoredEncrypted()
    {
        var before = await _host.GetJsonAsync("/api/settings/webhook");
        before.GetProperty("isSecretSet").GetBoolean().ShouldBeFalse();
        before.GetProperty("url").GetString().ShouldEndWith("/api/webhooks/jellyfin");
        before.GetProperty("header").GetString().ShouldBe("X-FluxCaption-Secret");

        using var rotate = await _host.PostAsync("/api/settings/webhook/rotate");
        var secret = (await rotate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString();
        secret.ShouldNotBeNullOrWhiteSpace();
        secret!.Length.ShouldBeGreaterThan(40);

        var afterBody = await _host.GetStringAsync("/api/settings/webhook");
        afterBody.ShouldNotContain(secret);
        JsonDocument.Parse(afterBody).RootElement.GetProperty("isSecretSet").GetBoolean().ShouldBeTrue();
        await using var db = _host.NewDbContext();
        var row = await db.Settings.SingleAsync(setting => setting.Key == "webhook.secret", Ct);
        row.IsSecret.ShouldBeTrue();
        row.Value.ShouldNotBeNull().ShouldNotContain(secret);

        using var again = await _host.PostAsync("/api/settings/webhook/rotate");
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString().ShouldNotBe(secret);
    }

    [Fact]
    public async Task SettingsNeedTheApiKey()
    {
        using var anonymous = _host.Factory.CreateClient();
        (await anonymous.GetAsync("/api/settings/jellyfin", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/api/settings/webhook/rotate", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

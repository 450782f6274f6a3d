using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.Api.Libraries;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Settings;

public sealed class JellyfinSettingsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Key = "0123456789abcdef0123456789abcdef";

    private LibraryApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LibraryApiHost.CreateAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheApiKeyIsStoredEncryptedAndOnlyReportedAsSet()
    {
        using var put = await _host.PutAsync("/api/settings/jellyfin", new { url = "http://jellyfin.lan:8096", apiKey = Key });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = await _host.GetStringAsync("/api/settings/jellyfin");
        body.ShouldNotContain(Key);
        var settings = JsonDocument.Parse(body).RootElement;
        settings.GetProperty("url").GetString().ShouldBe("http://jellyfin.lan:8096/");
        settings.GetProperty("isKeySet").GetBoolean().ShouldBeTrue();

        await using var db = _host.NewDbContext();
        var row = await db.Settings.SingleAsync(setting => setting.Key == "jellyfin.api_key", Ct);
        row.IsSecret.ShouldBeTrue();
        row.Value.ShouldNotBeNullOrEmpty();
        row.Value.ShouldNotContain(Key);
        _host.Logs.Lines.ShouldNotContain(line => line.Contains(Key));
    }

    [Fact]
    public async Task SavingWithoutAKeyKeepsTheStoredKey()
    {
        (await _host.PutAsync("/api/settings/jellyfin", new { url = "http://a:8096", apiKey = Key })).EnsureSuccessStatusCode();
        (await _host.PutAsync("/api/settings/jellyfin", new { url = "https://b.example/jellyfin" })).EnsureSuccessStatusCode();

        var provider = _host.Factory.Services.GetRequiredService<IJellyfinConnectionProvider>();
        var connection = await provider.GetAsync(Ct);
        connection.ShouldNotBeNull();
        connection.BaseUrl.ToString().ShouldBe("https://b.example/jellyfin/");
        connection.ApiKey.ShouldBe(Key);
    }

    [Theory]
    [InlineData("jellyfin.lan:8096")]
    [InlineData("ftp://jellyfin.lan")]
    [InlineData("http://jellyfin.lan/?x=1")]
    [InlineData("")]
    public async Task AUrlThatIsNotAServerAddressIsRefusedByName(string url)
    {
        using var response = await _host.PutAsync("/api/settings/jellyfin", new { url, apiKey = Key });
        await response.ShouldNameFieldAsync("url");
    }

    [Fact]
    public async Task TheFirstSaveNeedsAKey()
    {
        using var response = await _host.PutAsync("/api/settings/jellyfin", new { url = "http://jellyfin:8096" });
        (await response.ShouldNameFieldAsync("apiKey")).ShouldContain("no key is stored");
    }

    [Fact]
    public async Task TheConnectionTestUsesTheStoredValuesAndAnswersTheTestersCodeAndMessage()
    {
        (await _host.PutAsync("/api/settings/jellyfin", new { url = "http://stored:8096", apiKey = Key })).EnsureSuccessStatusCode();
        _host.Tester.Result = new JellyfinConnectionTestResult(true, "ok", "Connected to Home 10.10.7.") { ServerName = "Home", Version = "10.10.7" };

        using var response = await _host.PostAsync("/api/settings/jellyfin/test", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("code").GetString().ShouldBe("ok");
        result.GetProperty("message").GetString().ShouldBe("Connected to Home 10.10.7.");
        result.GetProperty("version").GetString().ShouldBe("10.10.7");
        _host.Tester.Tested.Single().ShouldBe(new JellyfinConnection(new Uri("http://stored:8096/"), Key));
    }

    [Fact]
    public async Task TheConnectionTestPrefersPostedValuesAndReportsAFailureWith200()
    {
        (await _host.PutAsync("/api/settings/jellyfin", new { url = "http://stored:8096", apiKey = Key })).EnsureSuccessStatusCode();

        using var response = await _host.PostAsync("/api/settings/jellyfin/test", new { url = "http://other:8096", apiKey = "new-key" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("success").GetBoolean().ShouldBeFalse();
        result.GetProperty("code").GetString().ShouldBe("unauthorized");
        _host.Tester.Tested.Single().ShouldBe(new JellyfinConnection(new Uri("http://other:8096/"), "new-key"));
    }

    [Fact]
    public async Task TestingWithNothingStoredOrPostedNamesTheMissingFields()
    {
        using var response = await _host.PostAsync("/api/settings/jellyfin/test", new { });
        await response.ShouldNameFieldAsync("url");
        _host.Tester.Tested.ShouldBeEmpty();
    }
}

using System.Net;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The Settings page's Api calls against the real Api in-process.</summary>
public sealed class SettingsApiClientTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASavedJellyfinKeyComesBackOnlyAsSetAndAnEmptyKeyKeepsIt()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);

        var saved = await client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("http://jellyfin.test:8096", "secret-key"), Ct);
        saved.ShouldBe(new JellyfinSettingsView("http://jellyfin.test:8096/", IsKeySet: true));

        var renamed = await client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("http://media.test:8096/jf", ApiKey: null), Ct);
        renamed.IsKeySet.ShouldBeTrue();
        (await client.GetJellyfinSettingsAsync(Ct)).ShouldBe(new JellyfinSettingsView("http://media.test:8096/jf/", IsKeySet: true));
        (await http.GetStringAsync("api/settings/jellyfin", Ct)).ShouldNotContain("secret-key");
    }

    [Fact]
    public async Task AJellyfinUrlTheApiRefusesBecomesAProblemNamingTheUrlField()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);

        var problem = await Should.ThrowAsync<ApiProblemException>(
            () => client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("ftp://jellyfin.test", "key"), Ct));

        problem.StatusCode.ShouldBe(400);
        problem.Errors.Keys.ShouldBe(["url"]);
        problem.Errors["url"][0].ShouldContain("ftp://jellyfin.test");
    }

    [Fact]
    public async Task TestingAJellyfinServerAnswersItsNameAndVersionOrWhyItFailed()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);

        var ok = await client.TestJellyfinConnectionAsync(jellyfin.Endpoint.ToString(), jellyfin.ApiKey, Ct);
        (ok.Success, ok.Code, ok.ServerName, ok.Version).ShouldBe((true, "ok", "Scripted Jellyfin", "12.0.0"));

        var refused = await client.TestJellyfinConnectionAsync(jellyfin.Endpoint.ToString(), "not-the-key", Ct);
        (refused.Success, refused.Code).ShouldBe((false, "unauthorized"));
        refused.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CoverageRulesAreSavedWithEquivalencesInCanonicalFormAndABadOneNamesTheField()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);

        var saved = await client.SaveCoverageSettingsAsync(new CoverageSettingsView(true, false, true, ["zh-TW=zh-CN"]), Ct);

        saved.Equivalences.ShouldBe(["zh-Hant=zh-Hans"]);
        var read = await client.GetCoverageSettingsAsync(Ct);
        (read.ForcedCounts, read.HearingImpairedCounts, read.BitmapCounts).ShouldBe((true, false, true));
        read.Equivalences.ShouldBe(["zh-Hant=zh-Hans"]);
        var problem = await Should.ThrowAsync<ApiProblemException>(
            () => client.SaveCoverageSettingsAsync(new CoverageSettingsView(true, true, true, ["klingon=zh-Hans"]), Ct));
        problem.Errors["equivalences"][0].ShouldContain("klingon");
    }

    [Fact]
    public async Task ARotatedWebhookSecretIsReadableOnceAndOpensTheWebhook()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        (await client.GetWebhookSettingsAsync(Ct)).IsSecretSet.ShouldBeFalse();

        var rotated = await client.RotateWebhookSecretAsync(Ct);

        rotated.Secret.ShouldNotBeNullOrWhiteSpace();
        rotated.Header.ShouldBe("X-FluxCaption-Secret");
        rotated.Url.ShouldEndWith("/api/webhooks/jellyfin");
        var again = await client.GetWebhookSettingsAsync(Ct);
        (again.IsSecretSet, again.Secret).ShouldBe((true, null));
        using var anonymous = api.CreateClient();
        using var call = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/jellyfin")
        {
            Content = new StringContent("""{"NotificationType":"PlaybackStart"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        call.Headers.Add(rotated.Header, rotated.Secret);
        (await anonymous.SendAsync(call, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

using System.Net;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Extensions;

namespace FluxCaption.Tests.Web.Accounts;

/// <summary>What the Web app answers a browser that has not signed in, and the sign-in form itself, over HTTP.</summary>
public sealed class WebSignInTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SignInWebHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await SignInWebHost.StartAsync(postgres, redis, new Dictionary<string, string?> { ["Auth:MaxFailedAttempts"] = "2" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AnAnonymousPageRequestIsSentToSignInWithItsAddress()
    {
        await _host.CreateAdministratorAsync();
        using var browser = _host.Browser();

        using var response = await browser.GetAsync("/jobs?status=failed", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/account/sign-in?ReturnUrl=%2Fjobs%3Fstatus%3Dfailed");
    }

    [Fact]
    public async Task AnAnonymousDownloadIsRefusedAndNoFileIsSent()
    {
        await _host.CreateAdministratorAsync();
        using var browser = _host.Browser();

        foreach (var address in new[] { $"/download/{Guid.NewGuid()}", "/download/memory.tmx", "/download/glossary.csv" })
        {
            using var response = await browser.GetAsync(address, Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, address);
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in", address);
            response.Content.Headers.ContentDisposition.ShouldBeNull(address);
        }
    }

    [Fact]
    public async Task TheInteractiveCircuitIsRefusedWithoutASignIn()
    {
        using var browser = _host.Browser();

        using var negotiate = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null, Ct);

        negotiate.IsSuccessStatusCode.ShouldBeFalse();
        (await negotiate.Content.ReadAsStringAsync(Ct)).ShouldNotContain("connectionToken");
    }

    [Fact]
    public async Task HealthTheLanguageSwitchAndTheAppsScriptsStayOpen()
    {
        using var browser = _host.Browser();

        (await browser.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/alive", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/culture?name=zh-CN&returnUrl=/account/sign-in", Ct)).Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        (await browser.GetAsync("/_framework/blazor.web.js", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/account.css", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithNoAccountTheFirstVisitEndsOnTheCreateAdministratorPageInTheBrowsersLanguage()
    {
        using var english = _host.FollowingBrowser("en-US");
        using var chinese = _host.FollowingBrowser("zh-CN,zh;q=0.9");

        using var inEnglish = await english.GetAsync("/", Ct);
        using var inChinese = await chinese.GetAsync("/", Ct);

        inEnglish.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/setup");
        (await inEnglish.Content.ReadAsStringAsync(Ct)).ShouldContain("Create the administrator");
        inChinese.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/setup");
        // Blazor writes characters outside Basic Latin as character references; the reader sees them decoded.
        var html = WebUtility.HtmlDecode(await inChinese.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("创建管理员");
    }

    [Fact]
    public async Task SigningInSetsTheCookieAndReturnsToThePageAsked()
    {
        await _host.CreateAdministratorAsync();
        using var browser = _host.Browser();

        using var signIn = await SignInWebHost.PostSignInAsync(browser, "admin", SignInWebHost.Password, "/jobs");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldEndWith("/jobs");
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(WebAuthenticationExtensions.CookieName + "=", StringComparison.Ordinal));
        using var page = await browser.GetAsync("/jobs", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSignInPageNeverReturnsToAnotherSite()
    {
        await _host.CreateAdministratorAsync();
        using var browser = _host.Browser();

        using var signIn = await SignInWebHost.PostSignInAsync(browser, "admin", SignInWebHost.Password, "//elsewhere.example/x");

        signIn.Headers.Location!.OriginalString.ShouldNotContain("elsewhere");
    }

    [Fact]
    public async Task AWrongPasswordAndThenALockedAccountAreSaidInChinese()
    {
        await _host.CreateAdministratorAsync();
        using var browser = _host.Browser("zh-CN");

        using var wrong = await SignInWebHost.PostSignInAsync(browser, "admin", "not the password");
        using var locked = await SignInWebHost.PostSignInAsync(browser, "admin", "still not it");
        using var right = await SignInWebHost.PostSignInAsync(browser, "admin", SignInWebHost.Password);

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextAsync(wrong)).ShouldContain("用户名或密码错误。");
        (await TextAsync(locked)).ShouldContain("此账户已被锁定");
        var stillLocked = await TextAsync(right);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        stillLocked.ShouldContain("此账户已被锁定");
        stillLocked.ShouldContain("(UTC");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
}

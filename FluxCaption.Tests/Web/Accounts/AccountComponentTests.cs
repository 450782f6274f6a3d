using System.Globalization;
using System.Net.Http.Json;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using FluxCaption.Contracts.Accounts;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Account;
using FluxCaption.Web.Components.Layout;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web.Accounts;

/// <summary>The sign-in page, the user menu and the account error texts rendered with bUnit against the real Api, in both languages.</summary>
public sealed class AccountComponentTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly BunitContext _bunit = new();
    private ApiFactory _api = null!;
    private HttpClient _http = null!;
    private BunitAuthorizationContext _auth = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        _http = _api.CreateAuthorizedClient();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddWebLocalization();
        _bunit.Services.AddSingleton(new FluxCaptionApiClient(_http));
        _bunit.Services.AddScoped<AccountErrorText>();
        _bunit.Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgeryState());
        _auth = _bunit.AddAuthorization();
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await _bunit.DisposeAsync();
        _http.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task TheSignInPageSendsTheFirstVisitorToCreateTheAdministratorKeepingTheReturnAddress()
    {
        var navigation = _bunit.Services.GetRequiredService<NavigationManager>();

        RenderSignIn("/account/sign-in?ReturnUrl=%2Fjobs");

        await WaitUntilAsync(() => navigation.Uri.Contains("/account/setup", StringComparison.Ordinal));
        new Uri(navigation.Uri).PathAndQuery.ShouldBe("/account/setup?ReturnUrl=%2Fjobs");
    }

    [Fact]
    public async Task TheSignInFormSpeaksChineseOnceAnAdministratorExists()
    {
        await CreateAdministratorAsync();
        UseCulture("zh-CN");

        var page = RenderSignIn("/account/sign-in");

        page.WaitForAssertion(() => page.Find("form").TextContent.ShouldContain("用户名"), ItemsWebPageHost.Patience);
        page.Find("form").TextContent.ShouldContain("密码");
        page.Find("[data-testid=sign-in]").TextContent.ShouldBe("登录");
        page.FindAll("[data-testid=account-message]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("en", "admin", "Sign out", "Change password")]
    [InlineData("zh-CN", "管理员", "退出登录", "修改密码")]
    public void TheUserMenuNamesTheUserAndSignsOutThroughAProtectedForm(string culture, string user, string signOut, string changePassword)
    {
        UseCulture(culture);
        _auth.SetAuthorized(user);

        var menu = _bunit.Render<UserMenu>();

        menu.Find("[data-testid=signed-in-user]").TextContent.ShouldBe(user);
        var form = menu.Find("[data-testid=sign-out-form]");
        form.GetAttribute("method").ShouldBe("post");
        form.GetAttribute("action").ShouldBe("account/sign-out");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value").ShouldBe(FixedAntiforgeryState.Token);
        menu.Find("[data-testid=sign-out]").GetAttribute("aria-label").ShouldBe(signOut);
        var link = menu.Find("[data-testid=open-change-password]");
        link.GetAttribute("href").ShouldBe("account/password");
        link.GetAttribute("aria-label").ShouldBe(changePassword);
    }

    [Fact]
    public void NobodySignedInSeesNoUserMenu()
    {
        var menu = _bunit.Render<UserMenu>();

        menu.FindAll("[data-testid=sign-out-form]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApisPasswordErrorsAreWordedInTheReadersLanguage()
    {
        var client = _bunit.Services.GetRequiredService<FluxCaptionApiClient>();
        var tooShort = await client.CreateAdministratorAsync(new CreateAdministratorRequest("admin", "short"), Ct);
        var nameless = await client.CreateAdministratorAsync(new CreateAdministratorRequest(" ", "long enough passphrase"), Ct);
        UseCulture("zh-CN");
        var text = new AccountErrorText(_bunit.Services.GetRequiredService<IStringLocalizer<AccountErrorText>>());

        tooShort.Account.ShouldBeNull();
        tooShort.StatusCode.ShouldBe(400);
        text.For(tooShort, "password", 8).ShouldBe(["密码至少需要 8 个字符。"]);
        text.For(nameless, "userName", 8).ShouldBe(["此项为必填项。"]);
    }

    private IRenderedComponent<ContainerFragment> RenderSignIn(string url)
    {
        // The page is rendered statically in the app; a GET request is what it sees on a first visit.
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        _bunit.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return _bunit.Render(builder =>
        {
            builder.OpenComponent<CascadingValue<HttpContext>>(0);
            builder.AddAttribute(1, "Value", http);
            builder.AddAttribute(2, "ChildContent", (RenderFragment)(inner =>
            {
                inner.OpenComponent<SignInPage>(3);
                inner.CloseComponent();
            }));
            builder.CloseComponent();
        });
    }

    private async Task CreateAdministratorAsync()
    {
        using var api = _api.CreateAuthorizedClient();
        using var response = await api.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest("admin", "correct horse battery"), Ct);
        response.EnsureSuccessStatusCode();
    }

    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ItemsWebPageHost.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The page did not navigate in time.");
            }

            await Task.Delay(50, Ct);
        }
    }

    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public const string Token = "fixed-antiforgery-token";

        public override AntiforgeryRequestToken GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}

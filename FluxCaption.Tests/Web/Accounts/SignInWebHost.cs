using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FluxCaption.Contracts.Accounts;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.Web.Accounts;

/// <summary>
/// The Web app in-process (test server) talking to the real Api in-process, for requests a browser
/// would make without running a page: redirects, refusals, form posts with their antiforgery token.
/// </summary>
internal sealed partial class SignInWebHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebFactory _web;

    private SignInWebHost(ApiFactory api, IDictionary<string, string?> webSettings)
    {
        Api = api;
        ApiClient = api.CreateAuthorizedClient();
        _web = new WebFactory(api, webSettings);
    }

    public ApiFactory Api { get; }

    public HttpClient ApiClient { get; }

    public static async Task<SignInWebHost> StartAsync(
        PostgresServer postgres, RedisServer redis, IDictionary<string, string?>? apiSettings = null, IDictionary<string, string?>? webSettings = null) =>
        new(await ApiFactory.CreateAsync(postgres, redis, apiSettings), webSettings ?? new Dictionary<string, string?>());

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see where they point).</summary>
    public HttpClient Browser(string? acceptLanguage = null)
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        return client;
    }

    /// <summary>A client that follows redirects, to see where a visit ends.</summary>
    public HttpClient FollowingBrowser(string? acceptLanguage = null)
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        return client;
    }

    public async Task CreateAdministratorAsync(string userName = "admin")
    {
        using var response = await ApiClient.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest(userName, Password));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Posts the sign-in form as the page would (its antiforgery token included) and returns the answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        var address = $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await browser.GetStringAsync(address);
        var token = AntiforgeryToken().Match(form);
        token.Success.ShouldBeTrue("The sign-in form carries no antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "sign-in",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(address, content);
    }

    public async ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        await _web.DisposeAsync();
        await Api.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class WebFactory(ApiFactory api, IDictionary<string, string?> settings) : WebApplicationFactory<FluxCaptionApiClient>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("FluxCaptionApi:BaseAddress", "http://localhost");
            builder.UseSetting("FluxCaptionApi:ApiKey", ApiFactory.TestApiKey);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(services =>
                services.AddHttpClient<FluxCaptionApiClient>().ConfigurePrimaryHttpMessageHandler(() => api.Server.CreateHandler()));
        }
    }
}

using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>
/// The whole system for a browser: the Api and the Web app on real Kestrel ports, the Worker as a
/// process, and Debian's Chromium driven by Playwright (no browser is ever downloaded). By default the
/// Api is configured with an administrator (<see cref="AdministratorUserName"/>) and the browser signs
/// in through the real sign-in form before the test begins; <see cref="BrowserStart"/> says otherwise.
/// </summary>
public sealed class BrowserSystem : IAsyncDisposable
{
    private readonly ApiFactory _api;
    private readonly WebFactory _web;
    private readonly WorkerProcess _worker;
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;
    private readonly string _profile;

    private BrowserSystem(ApiFactory api, WebFactory web, WorkerProcess worker, IPlaywright playwright, IBrowserContext browser, string profile)
    {
        _api = api;
        _web = web;
        _worker = worker;
        _playwright = playwright;
        _browser = browser;
        _profile = profile;
    }

    public const string AdministratorUserName = "admin";

    public const string AdministratorPassword = "browser test passphrase";

    public string WebUrl => _web.Url;

    public string WorkerOutput => _worker.Output;

    /// <summary>The system's database, for rows a test needs that no user action makes quickly (a failed job, say).</summary>
    internal ItemsTestData Data => new(_api.DatabaseConnectionString);

    /// <summary>The Api's database, for setting up what a sync and the Worker would have left (items, finished jobs).</summary>
    public string DatabaseConnectionString => _api.DatabaseConnectionString;

    /// <summary>The system, signed in, with <paramref name="apiSettings"/> configured in the Api (an LLM server, for instance).</summary>
    public static Task<BrowserSystem> StartAsync(PostgresServer postgres, RedisServer redis, IDictionary<string, string?> apiSettings) =>
        StartAsync(postgres, redis, BrowserStart.SignedIn, webSettings: null, apiSettings);

    /// <param name="webSettings">Settings of the Web app on top of the defaults (Auth:SessionCheckInterval, say).</param>
    /// <param name="apiSettings">Settings of the Api on top of the defaults.</param>
    public static async Task<BrowserSystem> StartAsync(
        PostgresServer postgres, RedisServer redis, BrowserStart start = BrowserStart.SignedIn,
        IDictionary<string, string?>? webSettings = null, IDictionary<string, string?>? apiSettings = null)
    {
        var settings = new Dictionary<string, string?>(apiSettings ?? new Dictionary<string, string?>());
        if (start != BrowserStart.NoAccount)
        {
            settings["Auth:Administrator:UserName"] = AdministratorUserName;
            settings["Auth:Administrator:Password"] = AdministratorPassword;
        }

        var api = await ApiFactory.CreateAsync(postgres, redis, settings);
        api.UseKestrel(0);
        api.StartServer();
        var apiUrl = Address(api.Services);

        var worker = WorkerProcess.Start(api.WorkerEnvironment());
        WebFactory? web = null;
        IPlaywright? playwright = null;
        try
        {
            web = new WebFactory(apiUrl, ApiFactory.TestApiKey, webSettings ?? new Dictionary<string, string?>());
            web.UseKestrel(0);
            web.StartServer();
            web.Url = Address(web.Services);

            playwright = await Playwright.CreateAsync();
            var profile = Directory.CreateTempSubdirectory("fluxcaption-chromium-").FullName;
            var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                AcceptDownloads = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run",
                ],
            });
            var system = new BrowserSystem(api, web, worker, playwright, browser, profile);
            if (start == BrowserStart.SignedIn)
            {
                var page = await system.NewPageAsync();
                await system.SignInAsync(page, AdministratorUserName, AdministratorPassword);
                await page.CloseAsync();
            }

            return system;
        }
        catch
        {
            // Whatever started before the failure (a browser that would not launch, say) is stopped.
            playwright?.Dispose();
            await worker.DisposeAsync();
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            await api.DisposeAsync();
            throw;
        }
    }

    public Task<IPage> NewPageAsync() => _browser.NewPageAsync();

    /// <summary>The cookies of the browser (the sign-in cookie among them).</summary>
    public Task<IReadOnlyList<BrowserContextCookiesResult>> CookiesAsync() => _browser.CookiesAsync([WebUrl]);

    /// <summary>Signs in through the sign-in form, as a person would, and waits for the page behind it.</summary>
    public async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync($"{WebUrl}/account/sign-in");
        await page.GetByTestId("user-name").FillAsync(userName);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    /// <summary>An HttpClient with the API key, for test setup a user would do elsewhere (adding and syncing a library).</summary>
    public HttpClient CreateApiClient() => _api.CreateAuthorizedClient();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _worker.DisposeAsync();
        await _web.DisposeAsync();
        await _api.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is the OS's to clean.
        }
    }

    private static string Address(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

    private sealed class WebFactory(string apiUrl, string apiKey, IDictionary<string, string?> settings) : WebApplicationFactory<FluxCaptionApiClient>
    {
        public string Url { get; set; } = "";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("FluxCaptionApi:BaseAddress", apiUrl);
            builder.UseSetting("FluxCaptionApi:ApiKey", apiKey);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}

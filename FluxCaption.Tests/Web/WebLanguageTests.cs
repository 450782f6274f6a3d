using System.Net;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>Which language the Web app answers in: the reader's remembered choice, else the browser's.</summary>
public sealed class WebLanguageTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebOnlyFactory _web = new();

    public void Dispose() => _web.Dispose();

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh-SG", "zh-CN")]
    [InlineData("zh-TW", null)]
    [InlineData("zh-Hant", null)]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", null)]
    [InlineData("", null)]
    public void BrowserLanguagesMapToTheLanguagesTheAppSpeaks(string tag, string? expected) =>
        WebCultures.Match(tag).ShouldBe(expected);

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("fr-FR, zh-Hans;q=0.7, en;q=0.5", "zh-CN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("de-DE", "en")]
    public async Task ThePageLanguageFollowsAcceptLanguage(string acceptLanguage, string expectedLang)
    {
        var client = _web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.SendAsync(request, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain($"<html lang=\"{expectedLang}\">");
    }

    [Fact]
    public async Task ChoosingALanguageIsRememberedOverTheBrowserLanguage()
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var choose = await client.GetAsync("/culture?name=zh-CN&returnUrl=/jobs?status=failed", Ct);
        choose.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        choose.Headers.Location!.OriginalString.ShouldBe("/jobs?status=failed");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US");
        using var page = await client.SendAsync(request, Ct);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"zh-CN\">");
    }

    [Theory]
    [InlineData("//elsewhere.example/x")]
    [InlineData("/\\elsewhere.example")]
    [InlineData("https://elsewhere.example/")]
    public async Task TheLanguageSwitchNeverRedirectsOffTheSite(string returnUrl)
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task AnUnknownLanguageIsRefusedByName()
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/culture?name=fr", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("'fr' is not a language of the Web app");
    }

    private sealed class WebOnlyFactory : WebApplicationFactory<FluxCaptionApiClient>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Nothing here reaches the Api: the not-found page and the switch are the Web app's own.
            builder.UseEnvironment("Testing");
            builder.UseSetting("FluxCaptionApi:BaseAddress", "http://127.0.0.1:9");
            builder.UseSetting("FluxCaptionApi:ApiKey", "unused");
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}

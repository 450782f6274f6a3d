using System.Net;
using System.Xml.Linq;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Extensions;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static FluxCaption.Tests.Api.MemoryTestEntries;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The Web app's /download/memory.tmx and /download/glossary.csv, forwarding the Api's exports with the page's filter.</summary>
public sealed class ExportDownloadTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _api = null!;
    private HttpClient _apiClient = null!;
    private WebApplication _web = null!;
    private HttpClient _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        _apiClient = _api.CreateAuthorizedClient();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new FluxCaptionApiClient(_apiClient));
        _web = builder.Build();
        _web.MapExportDownloads();
        await _web.StartAsync(Ct);
        _browser = _web.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _web.DisposeAsync();
        _apiClient.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task TheMemoryDownloadIsTheApisTmxForTheFilterAsAFile()
    {
        await AddAsync(_api.DatabaseConnectionString, Entry("Hello.", "Hola."), Entry("Hello.", "Hola.", engine: "apertium", model: ""));

        var response = await _browser.GetAsync("/download/memory.tmx?engine=apertium&model=", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith(".tmx");
        var units = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Descendants("tu").ToList();
        units.ShouldHaveSingleItem().Elements("prop").First().Value.ShouldBe("apertium");
    }

    [Fact]
    public async Task AnApiProblemReachesTheBrowserAsAProblem()
    {
        var response = await _browser.GetAsync("/download/glossary.csv?sourceLanguage=elvish", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("'elvish' is not a language code");
    }

    [Fact]
    public async Task ASubtitleVersionDownloadsAsItsFileUnderItsVersionedName()
    {
        var seeded = await FluxCaption.Tests.Api.Subtitles.SubtitleTestData.AddUploadJobAsync(_api.DatabaseConnectionString);

        var response = await _browser.GetAsync($"/download/subtitles/{seeded.TranslationId}", Ct);
        var missing = await _browser.GetAsync($"/download/subtitles/{Guid.NewGuid()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("film.es.srt");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(FluxCaption.Tests.Api.Subtitles.SubtitleTestData.SpanishSrt);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

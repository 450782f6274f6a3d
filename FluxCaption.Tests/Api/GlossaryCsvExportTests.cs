using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>GET /api/glossary/export: the glossary as CSV that POST /api/glossary/import reads back unchanged.</summary>
public sealed class GlossaryCsvExportTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
        foreach (var (source, target, targetLanguage, caseSensitive) in new[]
        {
            ("Bag End, Hobbiton", "Bolsón \"Cerrado\"", "es", true),
            ("Shire", "Comarca", "es", false),
            ("Shire", "夏尔", "zh-Hans", false),
        })
        {
            (await _client.PostAsJsonAsync("/api/glossary", new { sourceLanguage = "en", targetLanguage, source, target, caseSensitive }, Ct)).EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task TheExportQuotesWhatNeedsQuotingAndFiltersByPair()
    {
        var response = await _client.GetAsync("/api/glossary/export?sourceLanguage=en&targetLanguage=es", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("glossary-en-es.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "spreadsheets need the mark to read UTF-8");
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "sourceLanguage,targetLanguage,source,target,caseSensitive\r\n" +
            "en,es,\"Bag End, Hobbiton\",\"Bolsón \"\"Cerrado\"\"\",true\r\n" +
            "en,es,Shire,Comarca,false\r\n");
    }

    [Fact]
    public async Task AnExportImportedIntoAFreshDatabaseGivesTheSameTerms()
    {
        var csv = await _client.GetByteArrayAsync("/api/glossary/export", Ct);
        await using var fresh = await ApiFactory.CreateAsync(postgres, redis);
        using var freshClient = fresh.CreateAuthorizedClient();

        var import = await freshClient.PostAsync("/api/glossary/import", new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } }, Ct);

        import.StatusCode.ShouldBe(HttpStatusCode.OK);
        static async Task<string[]> TermsAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/glossary?pageSize=50", Ct)).GetProperty("items").EnumerateArray()
                .Select(t => $"{t.GetProperty("sourceLanguage")}|{t.GetProperty("targetLanguage")}|{t.GetProperty("source")}|{t.GetProperty("target")}|{t.GetProperty("caseSensitive")}")];
        (await TermsAsync(freshClient)).ShouldBe(await TermsAsync(_client));
        (await TermsAsync(freshClient)).Length.ShouldBe(3);
    }

    [Fact]
    public async Task AnUnknownLanguageIsRefusedByField()
    {
        var response = await _client.GetAsync("/api/glossary/export?targetLanguage=elvish", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"targetLanguage\"");
    }
}

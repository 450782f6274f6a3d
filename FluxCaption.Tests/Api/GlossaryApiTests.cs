using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>The global glossary through /api/glossary, as a client manages it.</summary>
public sealed class GlossaryApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> CreateAsync(string sourceLanguage, string targetLanguage, string source, string target, bool caseSensitive = false) =>
        await _client.PostAsJsonAsync("/api/glossary", new { sourceLanguage, targetLanguage, source, target, caseSensitive }, Ct);

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static Dictionary<string, string[]> ErrorsOf(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;

    [Fact]
    public async Task ACreatedTermHasCanonicalLanguagesTrimmedTextAndCanBeReadBack()
    {
        var response = await CreateAsync("ENG", "spa", "  Shire ", "Comarca");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await BodyAsync(response);
        (created.GetProperty("sourceLanguage").GetString(), created.GetProperty("targetLanguage").GetString()).ShouldBe(("en", "es"));
        created.GetProperty("source").GetString().ShouldBe("Shire");
        var read = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Ct);
        read.GetProperty("target").GetString().ShouldBe("Comarca");
    }

    [Fact]
    public async Task TheSameSourceTermForThePairInAnotherCaseIsAConflict()
    {
        (await CreateAsync("en", "es", "Shire", "Comarca")).EnsureSuccessStatusCode();

        var response = await CreateAsync("en", "es", "shire", "La Comarca");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await BodyAsync(response)).GetProperty("detail").GetString()!.ShouldContain("Shire");
        (await CreateAsync("en", "fr", "Shire", "Comté")).StatusCode.ShouldBe(HttpStatusCode.Created, "another pair is another glossary");
    }

    [Fact]
    public async Task AnEmptyTermAndAnUnknownLanguageAreRefusedByField()
    {
        var response = await CreateAsync("elvish", "es", "   ", "Comarca");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = ErrorsOf(await BodyAsync(response));
        errors["sourceLanguage"].ShouldHaveSingleItem().ShouldContain("elvish");
        errors["source"].ShouldHaveSingleItem().ShouldContain("empty");
    }

    [Fact]
    public async Task TheListFiltersByLanguagePairAndPages()
    {
        foreach (var (source, target) in new[] { ("Frodo", "Frodo"), ("Shire", "Comarca"), ("Ring", "Anillo") })
        {
            (await CreateAsync("en", "es", source, target)).EnsureSuccessStatusCode();
        }

        (await CreateAsync("en", "de", "Shire", "Auenland")).EnsureSuccessStatusCode();

        var page = await _client.GetFromJsonAsync<JsonElement>("/api/glossary?sourceLanguage=eng&targetLanguage=es&pageSize=2&page=2", Ct);

        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("source").GetString()).ShouldBe(["Shire"]);
        var german = await _client.GetFromJsonAsync<JsonElement>("/api/glossary?targetLanguage=de", Ct);
        german.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("target").GetString()).ShouldBe(["Auenland"]);
        var bad = await _client.GetAsync("/api/glossary?targetLanguage=nowhere", Ct);
        ErrorsOf(await BodyAsync(bad)).ShouldContainKey("targetLanguage");
    }

    [Fact]
    public async Task ATermCanBeChangedAndDeletedAndIsThenGone()
    {
        var created = await BodyAsync(await CreateAsync("en", "es", "Ring", "Anillo"));
        var id = created.GetProperty("id").GetInt64();

        var updated = await _client.PutAsJsonAsync($"/api/glossary/{id}", new { sourceLanguage = "en", targetLanguage = "es", source = "Ring", target = "Anillo Único", caseSensitive = true }, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BodyAsync(updated)).GetProperty("caseSensitive").GetBoolean().ShouldBeTrue();

        (await _client.DeleteAsync($"/api/glossary/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/glossary/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/api/glossary/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACsvImportCreatesTermsAndASecondImportUpdatesOnlyWhatChanged()
    {
        const string csv = "source,target,caseSensitive\nShire,Comarca,false\n\"Bag End, Hobbiton\",\"Bolsón Cerrado\",true\n";
        var first = await _client.PostAsync("/api/glossary/import?sourceLanguage=en&targetLanguage=es", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BodyAsync(first)).GetProperty("created").GetInt32().ShouldBe(2);
        var again = await _client.PostAsync("/api/glossary/import?sourceLanguage=en&targetLanguage=es",
            new StringContent("source,target\nShire,La Comarca\n\"Bag End, Hobbiton\",\"Bolsón Cerrado\"\n", Encoding.UTF8, "text/csv"), Ct);
        var counts = await BodyAsync(again);
        (counts.GetProperty("created").GetInt32(), counts.GetProperty("updated").GetInt32()).ShouldBe((0, 2), "the second row's case rule changed to false");
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/glossary?sourceLanguage=en&targetLanguage=es", Ct);
        list.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("source").GetString(), t.GetProperty("target").GetString()))
            .ShouldBe([("Bag End, Hobbiton", "Bolsón Cerrado"), ("Shire", "La Comarca")]);
    }

    [Fact]
    public async Task AJsonImportWithABadRowImportsNothingAndNamesTheRow()
    {
        var response = await _client.PostAsJsonAsync("/api/glossary/import", new object[]
        {
            new { sourceLanguage = "en", targetLanguage = "es", source = "Mordor", target = "Mordor" },
            new { sourceLanguage = "en", targetLanguage = "es", source = "Gandalf", target = "" },
            new { sourceLanguage = "en", targetLanguage = "es", source = "MORDOR", target = "Mordor" },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = ErrorsOf(await BodyAsync(response));
        errors.Keys.Order().ShouldBe(["terms[1].target", "terms[2].source"]);
        (await _client.GetFromJsonAsync<JsonElement>("/api/glossary", Ct)).GetProperty("total").GetInt32().ShouldBe(0);
    }
}

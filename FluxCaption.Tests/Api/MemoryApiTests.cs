using System.Net;
using System.Net.Http.Json;
using FluxCaption.Contracts;
using FluxCaption.Tests.Infrastructure;
using static FluxCaption.Tests.Api.MemoryTestEntries;

namespace FluxCaption.Tests.Api;

/// <summary>Browsing, counting, correcting and deleting translation-memory entries through /api/memory.</summary>
public sealed class MemoryApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
        await AddAsync(
            _factory.DatabaseConnectionString,
            Entry("Where is the ring?", "¿Dónde está el anillo?"),
            Entry("The ring is mine.", "El anillo es mío."),
            Entry("Good morning.", "Buenos días."),
            Entry("Good morning.", "Buenos días.", engine: "apertium", model: ""),
            Entry("Good morning.", "Bonjour.", targetLanguage: "fr"),
            Entry("Gandalf!", "Gandalf!", keptReason: "no_translation"));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<MemoryPage> ListAsync(string query) =>
        (await _client.GetFromJsonAsync<MemoryPage>($"/api/memory?{query}", Ct))!;

    [Fact]
    public async Task TheListFiltersByPairEngineAndModelAndPages()
    {
        var spanish = await ListAsync("sourceLanguage=eng&targetLanguage=es&engine=ollama&model=qwen2.5:7b&pageSize=2&page=2");

        spanish.Total.ShouldBe(4);
        spanish.Items.Count.ShouldBe(2);
        spanish.Items.ShouldAllBe(e => e.TargetLanguage == "es" && e.Engine == "ollama");
        (await ListAsync("model=")).Items.ShouldHaveSingleItem().Engine.ShouldBe("apertium", "model= asks for the engine's default model");
    }

    [Fact]
    public async Task TheSearchMatchesTheSourceOrTheTargetIgnoringCase()
    {
        (await ListAsync("search=RING")).Items.Select(e => e.Source).ShouldBe(["The ring is mine.", "Where is the ring?"], ignoreOrder: true);
        (await ListAsync("search=anillo es")).Items.ShouldHaveSingleItem().Target.ShouldBe("El anillo es mío.");
        (await ListAsync("search=100%")).Total.ShouldBe(0, "% is a character to find, not a wildcard");
    }

    [Fact]
    public async Task CountsArePerPairEngineAndModel()
    {
        var counts = await _client.GetFromJsonAsync<List<MemoryGroupCount>>("/api/memory/counts", Ct);

        counts.ShouldBe([
            new MemoryGroupCount("en", "es", "apertium", "", 1, 0),
            new MemoryGroupCount("en", "es", "ollama", "qwen2.5:7b", 4, 0),
            new MemoryGroupCount("en", "fr", "ollama", "qwen2.5:7b", 1, 0),
        ]);
    }

    [Fact]
    public async Task AnEditedEntryKeepsItsScopeTakesTheNewTextAndIsMarkedAsAPersons()
    {
        var kept = (await ListAsync("search=Gandalf")).Items.Single();

        var response = await _client.PutAsJsonAsync($"/api/memory/{kept.Id}", new MemoryEntryEdit("  ¡Gandalf!  "), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var edited = (await ListAsync("search=Gandalf")).Items.Single();
        (edited.Target, edited.KeptReason, edited.Engine, edited.Model).ShouldBe(("¡Gandalf!", null, "ollama", "qwen2.5:7b"));
        edited.EditedAt.ShouldNotBeNull();
        var counts = await _client.GetFromJsonAsync<List<MemoryGroupCount>>("/api/memory/counts?targetLanguage=es&engine=ollama", Ct);
        counts!.ShouldHaveSingleItem().Edited.ShouldBe(1);
    }

    [Fact]
    public async Task AnEmptyTranslationIsRefusedByFieldAndAnUnknownEntryIsNotFound()
    {
        var id = (await ListAsync("search=morning&targetLanguage=fr")).Items.Single().Id;

        var empty = await _client.PutAsJsonAsync($"/api/memory/{id}", new MemoryEntryEdit("   "), Ct);
        var missing = await _client.PutAsJsonAsync("/api/memory/999999", new MemoryEntryEdit("Hola"), Ct);

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync(Ct)).ShouldContain("\"target\"");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListAsync("targetLanguage=fr")).Items.Single().Target.ShouldBe("Bonjour.");
    }

    [Fact]
    public async Task DeletingOneEntryRemovesOnlyThatEntry()
    {
        var id = (await ListAsync("targetLanguage=fr")).Items.Single().Id;

        (await _client.DeleteAsync($"/api/memory/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.DeleteAsync($"/api/memory/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListAsync("")).Total.ShouldBe(5);
    }

    [Fact]
    public async Task DeletingByFilterRemovesWhatTheFilterMatchesAndAnEmptyFilterNeedsAll()
    {
        var unfiltered = await _client.DeleteAsync("/api/memory", Ct);
        unfiltered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unfiltered.Content.ReadAsStringAsync(Ct)).ShouldContain("\"all\"");

        var byEngine = await _client.DeleteAsync("/api/memory?engine=apertium", Ct);
        (await byEngine.Content.ReadFromJsonAsync<MemoryDeleteResult>(Ct))!.Deleted.ShouldBe(1);
        (await ListAsync("")).Total.ShouldBe(5);

        var all = await _client.DeleteAsync("/api/memory?all=true", Ct);
        (await all.Content.ReadFromJsonAsync<MemoryDeleteResult>(Ct))!.Deleted.ShouldBe(5);
        (await ListAsync("")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task AnUnknownLanguageAndABadPageSizeAreRefusedByField()
    {
        var response = await _client.GetAsync("/api/memory?sourceLanguage=elvish&pageSize=0", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("elvish");
        body.ShouldContain("\"pageSize\"");
    }

    [Fact]
    public async Task TheMemoryCallsNeedTheKeyAndAreInTheOpenApiDocument()
    {
        using var anonymous = _factory.CreateClient();

        (await anonymous.GetAsync("/api/memory", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/memory/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var paths = (await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        foreach (var path in new[] { "/api/memory", "/api/memory/counts", "/api/memory/{id}", "/api/memory/export", "/api/memory/import", "/api/glossary/export" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue($"{path} is in the OpenAPI document");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using FluxCaption.Contracts;
using FluxCaption.Tests.Infrastructure;
using static FluxCaption.Tests.Api.MemoryTestEntries;

namespace FluxCaption.Tests.Api;

/// <summary>The translation memory exchanged as TMX 1.4b through /api/memory/export and /api/memory/import.</summary>
public sealed class MemoryTmxTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Api:MaxUploadBytes"] = "4096" });
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> ImportAsync(string tmx, string query = "") =>
        await _client.PostAsync($"/api/memory/import{query}", new StringContent(tmx, Encoding.UTF8, "application/x-tmx+xml"), Ct);

    private static string Tmx(string units, string header = "srclang=\"en\"") =>
        $"""<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" datatype="plaintext" {header}/><body>{units}</body></tmx>""";

    [Fact]
    public async Task AnExportImportedIntoAFreshDatabaseGivesTheSameEntries()
    {
        await AddAsync(
            _factory.DatabaseConnectionString,
            Entry("⟦1⟧Tom & \"Jerry\" <run>⟦2⟧", "⟦1⟧¡Tom & \"Jerry\" <corren>!⟦2⟧"),
            Entry("Good morning.", "早上好。", targetLanguage: "zh-Hans", engine: "openai", model: "gpt-4o-mini"),
            Entry("Good morning.", "Buenos días.", engine: "apertium", model: "", editedAt: new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero)),
            Entry("Gandalf!", "Gandalf!", keptReason: "no_translation"));

        var export = await _client.GetAsync("/api/memory/export", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-tmx+xml");
        var tmx = await export.Content.ReadAsStringAsync(Ct);
        var document = XDocument.Parse(tmx);
        var header = document.Root!.Element("header")!;
        (header.Attribute("srclang")?.Value, header.Attribute("segtype")?.Value, header.Attribute("o-tmf")?.Value).ShouldBe(("en", "sentence", "FluxCaption"));
        (header.Attribute("adminlang")?.Value, header.Attribute("datatype")?.Value).ShouldBe(("en", "plaintext"));
        document.Descendants("tu").Count().ShouldBe(4);

        await using var fresh = await ApiFactory.CreateAsync(postgres, redis);
        using var freshClient = fresh.CreateAuthorizedClient();
        var import = await freshClient.PostAsync("/api/memory/import", new StringContent(tmx, Encoding.UTF8, "application/x-tmx+xml"), Ct);

        import.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await import.Content.ReadFromJsonAsync<MemoryImportResult>(Ct))!.ShouldBe(new MemoryImportResult(4, 0, 0, 0, []), new MemoryImportResultComparer());
        static object Shape(Core.Data.TranslationMemoryEntry e) =>
            (e.SourceLang, e.TargetLang, e.SourceHash, e.Engine, e.Model, e.SourceText, e.TargetText, e.KeptReason, e.EditedAt, e.CreatedAt);
        (await AllAsync(fresh.DatabaseConnectionString)).Select(Shape)
            .ShouldBe((await AllAsync(_factory.DatabaseConnectionString)).Select(Shape));
    }

    [Fact]
    public async Task ImportingTheSameDocumentTwiceChangesNothing()
    {
        var tmx = Tmx("""
            <tu><tuv xml:lang="en"><seg>Hello   there.</seg></tuv><tuv xml:lang="es"><seg>Hola.</seg></tuv><tuv xml:lang="fr"><seg>Salut.</seg></tuv></tu>
            <tu><tuv xml:lang="en-US"><seg>Bye.</seg></tuv><tuv xml:lang="de"><seg>Tschüss.</seg></tuv></tu>
            """);

        var first = await (await ImportAsync(tmx)).Content.ReadFromJsonAsync<MemoryImportResult>(Ct);
        var before = await AllAsync(_factory.DatabaseConnectionString);
        var second = await (await ImportAsync(tmx)).Content.ReadFromJsonAsync<MemoryImportResult>(Ct);

        (first!.Created, first.Updated, first.Unchanged).ShouldBe((3, 0, 0));
        (second!.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 3));
        var after = await AllAsync(_factory.DatabaseConnectionString);
        after.Select(e => (e.Id, e.TargetText, e.CreatedAt, e.EditedAt)).ShouldBe(before.Select(e => (e.Id, e.TargetText, e.CreatedAt, e.EditedAt)));
        after.Select(e => (e.SourceText, e.Engine)).ShouldContain(("Hello there.", "tmx"), "whitespace is normalised as jobs key lines; a foreign unit gets engine tmx");
    }

    [Fact]
    public async Task AChangedTranslationUpdatesTheEntryAndTheEngineCanBeNamedForForeignUnits()
    {
        await ImportAsync(Tmx("""<tu><tuv xml:lang="en"><seg>Hi.</seg></tuv><tuv xml:lang="es"><seg>Hola.</seg></tuv></tu>"""), "?engine=ollama&model=llama3");

        var changed = await ImportAsync(
            Tmx("""<tu><tuv xml:lang="en"><seg>Hi.</seg></tuv><tuv xml:lang="es"><seg><bpt i="1">&lt;b&gt;</bpt>¡Hola!<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>"""),
            "?engine=ollama&model=llama3");

        (await changed.Content.ReadFromJsonAsync<MemoryImportResult>(Ct))!.Updated.ShouldBe(1);
        var entry = (await AllAsync(_factory.DatabaseConnectionString)).ShouldHaveSingleItem();
        (entry.Engine, entry.Model, entry.TargetText).ShouldBe(("ollama", "llama3", "¡Hola!"), "inline codes are the original document's markup, not text");
    }

    [Fact]
    public async Task UnusableVariantsAreSkippedAndCountedWhileTheRestIsImported()
    {
        var response = await ImportAsync(Tmx("""
            <tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="elvish"><seg>Min.</seg></tuv><tuv xml:lang="es"><seg>Uno.</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Two.</seg></tuv><tuv xml:lang="es"><seg>  </seg></tuv></tu>
            <tu><tuv xml:lang="fr"><seg>Trois.</seg></tuv><tuv xml:lang="es"><seg>Tres.</seg></tuv></tu>
            """));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<MemoryImportResult>(Ct))!;
        (result.Created, result.Skipped).ShouldBe((1, 3));
        result.SkipReasons[0].ShouldContain("elvish");
        result.SkipReasons[1].ShouldContain("Unit 2");
        result.SkipReasons[2].ShouldContain("source language 'en'");
    }

    [Theory]
    [InlineData("<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Hi</tuv></tu></body></tmx>", "well-formed")]
    [InlineData("<tmx version=\"1.4\"><header segtype=\"sentence\"/><body/></tmx>", "srclang")]
    [InlineData("<html><body/></html>", "<tmx>")]
    public async Task ADocumentThatIsNotUsableTmxIsAProblemNamingTheBody(string document, string expected)
    {
        var response = await ImportAsync(document);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("body")[0].GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task AUnitWithOneVariantRefusesTheWholeImport()
    {
        var response = await ImportAsync(Tmx("""
            <tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="es"><seg>Uno.</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Two.</seg></tuv></tu>
            """));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Translation unit 2 has 1 tuv");
        (await AllAsync(_factory.DatabaseConnectionString)).ShouldBeEmpty("the import is all or nothing for a broken document");
    }

    [Fact]
    public async Task ADocumentOverTheSizeLimitIsRefusedWithoutReadingIt()
    {
        var units = string.Concat(Enumerable.Range(0, 100).Select(i => $"""<tu><tuv xml:lang="en"><seg>Line {i}.</seg></tuv><tuv xml:lang="es"><seg>Línea {i}.</seg></tuv></tu>"""));

        var response = await ImportAsync(Tmx(units));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Api:MaxUploadBytes");
        (await AllAsync(_factory.DatabaseConnectionString)).ShouldBeEmpty();
    }

    private sealed class MemoryImportResultComparer : IEqualityComparer<MemoryImportResult>
    {
        public bool Equals(MemoryImportResult? x, MemoryImportResult? y) =>
            x is not null && y is not null && (x.Created, x.Updated, x.Unchanged, x.Skipped) == (y.Created, y.Updated, y.Unchanged, y.Skipped)
            && x.SkipReasons.SequenceEqual(y.SkipReasons);

        public int GetHashCode(MemoryImportResult obj) => obj.Created;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Api.Models;

/// <summary>/api/models against a scripted Ollama server that speaks the real wire protocol, failures included.</summary>
public sealed class ModelsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private const string Pullable = "llama3.2:3b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptedOllamaServer _ollama = null!;
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        _ollama.PullableModels.Add(Pullable);
        _factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = _ollama.ConnectionString });
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _ollama.DisposeAsync();
    }

    private async Task<JsonElement> ListAsync() => await _client.GetFromJsonAsync<JsonElement>("/api/models/ollama", Ct);

    private async Task PullAsync(string model)
    {
        using var response = await PullEvents.StartAsync(_client, model, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PullEvents.ReadAllAsync(response, Ct)).Last().Type.ShouldBe("success");
    }

    [Fact]
    public async Task InstalledModelsAreListedWithSizeFamilyQuantizationAndTheConfiguredDefaultMarked()
    {
        var list = await ListAsync();

        list.GetProperty("defaultModel").GetString().ShouldBe(_ollama.Model);
        list.GetProperty("chosenModel").ValueKind.ShouldBe(JsonValueKind.Null);
        var model = list.GetProperty("models").EnumerateArray().ShouldHaveSingleItem();
        model.GetProperty("name").GetString().ShouldBe(_ollama.Model);
        model.GetProperty("size").GetInt64().ShouldBe(4_683_087_332L);
        model.GetProperty("sizeGigabytes").GetDouble().ShouldBe(4.683, 0.001);
        model.GetProperty("family").GetString().ShouldBe("qwen2");
        model.GetProperty("parameterSize").GetString().ShouldBe("7.6B");
        model.GetProperty("quantizationLevel").GetString().ShouldBe("Q4_K_M");
        model.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task APullRelaysOllamasProgressAsEventsEndingInSuccessAndTheModelIsThenInstalled()
    {
        using var response = await PullEvents.StartAsync(_client, Pullable, Ct);
        var events = await PullEvents.ReadAllAsync(response, Ct);

        events[0].Data.GetProperty("status").GetString().ShouldBe("pulling manifest");
        var percents = events.Where(e => e.Data.TryGetProperty("percent", out var p) && p.ValueKind == JsonValueKind.Number)
            .Select(e => e.Data.GetProperty("percent").GetDouble()).ToList();
        percents.First().ShouldBe(0);
        percents.Last().ShouldBe(100);
        percents.ShouldBeInOrder();
        events.Last().Type.ShouldBe("success");
        (await ListAsync()).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldContain(Pullable);
    }

    [Fact]
    public async Task APullOfAModelTheRegistryLacksEndsInAnErrorEventWithOllamasOwnText()
    {
        using var response = await PullEvents.StartAsync(_client, "no-such-model:1b", Ct);
        var events = await PullEvents.ReadAllAsync(response, Ct);

        events.Last().Type.ShouldBe("error");
        events.Last().Data.GetProperty("error").GetString().ShouldBe("pull model manifest: file does not exist");
        _ollama.InstalledModels.ShouldNotContain("no-such-model:1b");
    }

    [Fact]
    public async Task ASecondPullOfTheSameModelWhileOneRunsIsRefusedAndCancellingStopsTheFirst()
    {
        _ollama.PullStepDelay = TimeSpan.FromMilliseconds(300);
        using var first = await PullEvents.StartAsync(_client, Pullable, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = await PullEvents.StartAsync(_client, Pullable, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString().ShouldBe($"The model '{Pullable}' is already being pulled.");

        using var cancel = await _client.PostAsJsonAsync("/api/models/ollama/pull/cancel", new { model = Pullable }, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var events = await PullEvents.ReadAllAsync(first, Ct);
        events.Last().Type.ShouldBe("error");
        events.Last().Data.GetProperty("status").GetString().ShouldBe("cancelled");
        _ollama.InstalledModels.ShouldNotContain(Pullable);

        // Once the first has ended, the model can be pulled again.
        _ollama.PullStepDelay = TimeSpan.Zero;
        await PullAsync(Pullable);
    }

    [Fact]
    public async Task DeletingAnInstalledModelRemovesItAndAnUnknownOneIsA404WithOllamasText()
    {
        await PullAsync(Pullable);

        using var deleted = await _client.DeleteAsync($"/api/models/ollama/{Pullable}", Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _ollama.InstalledModels.ShouldNotContain(Pullable);

        using var unknown = await _client.DeleteAsync($"/api/models/ollama/{Pullable}", Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldBe($"model '{Pullable}' not found");
    }

    [Fact]
    public async Task TheChosenDefaultIsListedAndUsedByTheEngineForBatchesThatNameNoModel()
    {
        await PullAsync(Pullable);

        using var refused = await _client.PutAsJsonAsync("/api/models/ollama/default", new { model = "mistral:7b" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var chosen = await _client.PutAsJsonAsync("/api/models/ollama/default", new { model = Pullable }, Ct);
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await chosen.Content.ReadFromJsonAsync<JsonElement>(Ct);
        list.GetProperty("defaultModel").GetString().ShouldBe(Pullable);
        list.GetProperty("configuredModel").GetString().ShouldBe(_ollama.Model);
        list.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("isDefault").GetBoolean()).GetProperty("name").GetString().ShouldBe(Pullable);

        var engine = _factory.Services.GetServices<ITranslationEngine>().Single(e => e.Name == "ollama");
        engine.DefaultModel.ShouldBe(Pullable);
        await engine.TranslateAsync(new TranslationBatch("en", "de", null, [new TranslationSegment("1", "Hello")], [], []), Ct);
        JsonDocument.Parse(_ollama.ChatRequests.Last().Body).RootElement.GetProperty("model").GetString().ShouldBe(Pullable);

        using var cleared = await _client.PutAsJsonAsync("/api/models/ollama/default", new { model = (string?)null }, Ct);
        (await cleared.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("defaultModel").GetString().ShouldBe(_ollama.Model);
        engine.DefaultModel.ShouldBe(_ollama.Model);
    }

    [Fact]
    public async Task TryingAModelTranslatesTheLineThroughTheEngineWithItsMarkupKeptAndSaysHowLongItTook()
    {
        using var response = await _client.PostAsJsonAsync(
            "/api/models/ollama/try", new { model = _ollama.Model, targetLanguage = "de", text = "<i>Hello there</i>" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("translation").GetString().ShouldBe("[de] <i>Hello there</i>"); // the scripted model prefixes the tag to the protected line
        result.GetProperty("sourceLanguage").GetString().ShouldBe("en");
        result.GetProperty("seconds").GetDouble().ShouldBeGreaterThan(0);
        var sent = _ollama.ChatRequests.ShouldHaveSingleItem().Body;
        sent.ShouldNotContain("<i>");
    }

    [Fact]
    public async Task ATrialWithoutTargetLanguageOrTextIsRefusedNamingBoth()
    {
        using var response = await _client.PostAsJsonAsync("/api/models/ollama/try", new { model = _ollama.Model }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.TryGetProperty("targetLanguage", out _).ShouldBeTrue();
        errors.TryGetProperty("text", out _).ShouldBeTrue();
        _ollama.ChatRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnreachableOllamaIsA503NamingTheServer()
    {
        var port = ClosedPort();
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Ollama:Endpoint"] = $"http://127.0.0.1:{port}/" });
        using var client = factory.CreateAuthorizedClient();

        using var listed = await client.GetAsync("/api/models/ollama", Ct);
        using var pulled = await PullEvents.StartAsync(client, Pullable, Ct);

        foreach (var response in new[] { listed, pulled })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("title").GetString().ShouldBe($"The Ollama server at http://127.0.0.1:{port}/ cannot be reached.");
        }
    }

    [Fact]
    public async Task WithoutAnOllamaServerTheModelsAreA404NamingTheSettingToSet()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateAuthorizedClient();

        using var response = await client.GetAsync("/api/models/ollama", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("ConnectionStrings:llm");
    }

    [Fact]
    public async Task AnOpenAiCompatibleServersModelsAreListed()
    {
        await using var openAi = await ScriptedOpenAiServer.StartAsync(cancellationToken: Ct);
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["OpenAi:BaseUrl"] = openAi.BaseUrl.ToString(),
            ["OpenAi:Model"] = openAi.Model,
        });
        using var client = factory.CreateAuthorizedClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/models/openai", Ct);

        list.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldBe([openAi.Model]);
        list.GetProperty("configuredModel").GetString().ShouldBe(openAi.Model);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

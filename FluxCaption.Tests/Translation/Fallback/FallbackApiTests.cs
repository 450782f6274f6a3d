using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.Translation.Fallback;

/// <summary>The `fallback` field of POST /api/jobs/translate and the default chain a job gets without it.</summary>
public sealed class FallbackApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(string engine, string? fallback)
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), engine: engine);
        if (fallback is not null)
        {
            form.Add(new StringContent(fallback), "fallback");
        }

        return form;
    }

    private static IEnumerable<string?> ChainOf(JsonElement job) =>
        job.GetProperty("fallback").EnumerateArray().Select(c => c.GetProperty("model").GetString() is { } model
            ? $"{c.GetProperty("engine").GetString()}:{model}"
            : c.GetProperty("engine").GetString());

    private async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string engine, string? fallback, Dictionary<string, string?>? settings = null)
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        settings ??= [];
        settings["ConnectionStrings:llm"] = ollama.ConnectionString;
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, settings);
        using var client = factory.CreateAuthorizedClient();
        var response = await client.PostAsync("/api/jobs/translate", Form(engine, fallback), Ct);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    [Fact]
    public async Task AJobKeepsTheChainItAskedForInOrder()
    {
        var (response, job) = await PostAsync("ollama", "ollama:qwen2.5:14b, apertium");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        ChainOf(job).ShouldBe(["ollama:qwen2.5:14b", "apertium"]);
    }

    [Fact]
    public async Task AnUnknownEngineInTheChainIsRefusedNamingTheFallbackField()
    {
        var (response, problem) = await PostAsync("ollama", "apertium,deepl");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        errors["fallback"].ShouldHaveSingleItem().ShouldContain("'deepl' is not an engine of this installation");
    }

    [Fact]
    public async Task TheJobsOwnEngineRepeatedOrAnEmptyEntryIsRefused()
    {
        var (repeated, _) = await PostAsync("ollama", "ollama");
        var (empty, problem) = await PostAsync("ollama", "apertium,,ollama:x");

        repeated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("fallback")[0].GetString()!.ShouldContain("Entry 2");
    }

    [Fact]
    public async Task WithoutTheFieldAnLlmJobFallsBackToApertiumWhenItHasThePair()
    {
        var (_, llmJob) = await PostAsync("ollama", null);
        var (_, apertiumJob) = await PostAsync("apertium", null);
        var (_, declined) = await PostAsync("ollama", "none");

        ChainOf(llmJob).ShouldBe(["apertium"]);
        ChainOf(apertiumJob).ShouldBeEmpty();
        ChainOf(declined).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiDefaultFallbackReplacesTheBuiltInDefault()
    {
        var (_, none) = await PostAsync("ollama", null, new() { ["Api:DefaultFallback"] = "none" });
        var (_, configured) = await PostAsync("apertium", null, new() { ["Api:DefaultFallback"] = "ollama:small-model, apertium" });

        ChainOf(none).ShouldBeEmpty();
        ChainOf(configured).ShouldBe(["ollama:small-model"]);
    }
}

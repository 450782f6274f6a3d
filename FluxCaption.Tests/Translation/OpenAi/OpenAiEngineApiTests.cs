using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.Translation.OpenAi;

/// <summary>How the Api offers the "openai" engine: listed and accepted only when configured.</summary>
public sealed class OpenAiEngineApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AConfiguredOpenAiEndpointIsOfferedAndAcceptedForAJob()
    {
        await using var server = await ScriptedOpenAiServer.StartAsync(cancellationToken: Ct);
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["OpenAi:BaseUrl"] = server.BaseUrl.ToString(),
            ["OpenAi:Model"] = server.Model,
        });
        using var client = factory.CreateAuthorizedClient();

        var info = await client.GetFromJsonAsync<JsonElement>("/api/system/info", Ct);
        using var response = await client.PostAsync(
            "/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), engine: "openai", targetLanguage: "ja"), Ct);

        info.GetProperty("engines").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apertium", "openai"]);
        info.GetProperty("defaultEngine").GetString().ShouldBe("openai", "the only LLM configured is the default");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("engine").GetString().ShouldBe("openai");
    }

    [Fact]
    public async Task WithoutABaseUrlAJobForOpenAiIsRefusedNamingTheEngineField()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateAuthorizedClient();

        using var response = await client.PostAsync(
            "/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), engine: "openai"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("engine").EnumerateArray().Single().GetString()!.ShouldContain("apertium");
    }
}

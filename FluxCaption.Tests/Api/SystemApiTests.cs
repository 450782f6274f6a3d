using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.Api;

/// <summary>What /api/system/info tells a client about the engines of this installation.</summary>
public sealed class SystemApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAnLlmOnlyApertiumIsOfferedAndItIsTheDefault()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateAuthorizedClient();

        var info = await client.GetFromJsonAsync<JsonElement>("/api/system/info", Ct);

        info.GetProperty("engines").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apertium"]);
        info.GetProperty("defaultEngine").GetString().ShouldBe("apertium");
    }

    [Theory]
    [InlineData("ConnectionStrings:llm")]
    [InlineData("Ollama:Endpoint")]
    public async Task AnOllamaEndpointConfiguredEitherWayMakesOllamaTheDefault(string key)
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        var value = key == "Ollama:Endpoint" ? ollama.Endpoint.ToString() : ollama.ConnectionString;
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { [key] = value });
        using var client = factory.CreateAuthorizedClient();

        var info = await client.GetFromJsonAsync<JsonElement>("/api/system/info", Ct);

        info.GetProperty("engines").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apertium", "ollama"]);
        info.GetProperty("defaultEngine").GetString().ShouldBe("ollama");
    }
}

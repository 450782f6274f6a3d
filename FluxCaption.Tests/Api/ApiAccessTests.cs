using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>Who may call the Api, and what is open without a key.</summary>
public sealed class ApiAccessTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallWithoutAKeyGets401ProblemDetailsThatSaysHowToSendOne()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/jobs", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task AWrongKeyIsRefused()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");

        using var response = await client.GetAsync("/api/jobs", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheKeyIsAcceptedAsABearerToken()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.TestApiKey);

        using var response = await client.GetAsync("/api/jobs", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthAndAlivenessAnswerWithoutAKeyAndSeePostgresAndRedis()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();

        (await client.GetStringAsync("/health", Ct)).ShouldBe("Healthy");
        (await client.GetStringAsync("/alive", Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task HealthReportsUnhealthyWhenRedisCannotBeReached()
    {
        var nowhere = $"127.0.0.1:{ChildProcess.FreeTcpPort()},connectTimeout=500";
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:redis"] = nowhere });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheTranslateCallAndTheApiKey()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        document.GetProperty("paths").TryGetProperty("/api/jobs/translate", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task TheOpenApiDescriptionLinksToTheWebAppAndTheDashboardWhenTheyAreConfigured()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Links:WebUrl"] = "http://localhost:5300",
            ["Links:DashboardUrl"] = "https://localhost:17060/login?t=secret-token",
        });
        using var client = factory.CreateClient();

        var description = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("info").GetProperty("description").GetString();

        description.ShouldNotBeNull().ShouldContain("Web app: [http://localhost:5300/](http://localhost:5300/)");
        description.ShouldContain("Aspire dashboard (traces, metrics, logs): [https://localhost:17060/login](https://localhost:17060/login)");
        description.ShouldNotContain("secret-token");
    }

    [Fact]
    public async Task WithoutConfiguredLinksTheOpenApiDescriptionNamesNone()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();

        var info = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("info");

        (info.TryGetProperty("description", out var description) ? description.GetString() : null).ShouldBeNull();
    }

    [Fact]
    public async Task TheScalarReferencePageIsServed()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/scalar", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task WithoutAConfiguredKeyOneIsGeneratedShownOnceAndItWorks()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var noKey = new Dictionary<string, string?> { ["Api:Key"] = null };

        string generated;
        await using (var first = await ApiFactory.CreateAsync(postgres, redis, noKey, database))
        {
            using var client = first.CreateClient();
            (await client.GetAsync("/api/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var line = first.Logs.Lines.Where(l => l.Contains("generated", StringComparison.OrdinalIgnoreCase)).ShouldHaveSingleItem();
            generated = line.Split(' ').Last().Trim();
            client.DefaultRequestHeaders.Add("X-Api-Key", generated);
            (await client.GetAsync("/api/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var second = await ApiFactory.CreateAsync(postgres, redis, noKey, database);
        using var again = second.CreateClient();
        again.DefaultRequestHeaders.Add("X-Api-Key", generated);
        (await again.GetAsync("/api/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Logs.Lines.ShouldNotContain(l => l.Contains(generated));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;

namespace FluxCaption.Tests.Api;

/// <summary>The Api with its database or Redis at an address nothing listens on: quick, honest answers instead of a minute's hang.</summary>
public sealed class OutageApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileTheDatabaseIsUnreachableARequestAnswers503WithRetryAfterNamingTheDatabaseWithinSeconds()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis,
            databaseConnectionString: $"Host=127.0.0.1;Port={UnreachableDependencies.FreePort()};Username=fluxcaption;Database=none");
        using var client = factory.CreateAuthorizedClient();

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/jobs", Ct);
        watch.Stop();

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("title").GetString().ShouldBe("The database is unavailable.");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WhileTheDatabaseIsUnreachableHealthSaysUnhealthyWithinSeconds()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis,
            databaseConnectionString: $"Host=127.0.0.1;Port={UnreachableDependencies.FreePort()};Username=fluxcaption;Database=none");
        using var client = factory.CreateClient();

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health", Ct);
        watch.Stop();

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Unhealthy");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task WhileRedisIsUnreachableAnUploadIsAcceptedAsFastAsUsualAndHealthSaysUnhealthy()
    {
        await using var factory = await ApiFactory.CreateAsync(postgres, redis,
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{UnreachableDependencies.FreePort()}" });
        using var client = factory.CreateAuthorizedClient();
        // The first request pays for starting the Api and the Redis client's one connect attempt.
        using var first = await client.PostAsync("/api/jobs/translate", Upload(), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var watch = Stopwatch.StartNew();
        using var second = await client.PostAsync("/api/jobs/translate", Upload(), Ct);
        watch.Stop();

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        using var health = await client.GetAsync("/health", Ct);
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private static MultipartFormDataContent Upload() =>
        TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), targetLanguage: "spa");
}

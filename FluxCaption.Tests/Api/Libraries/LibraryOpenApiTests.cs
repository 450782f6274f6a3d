using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Libraries;

public sealed class LibraryOpenApiTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheLibraryItemRuleSettingsAndWebhookCalls()
    {
        await using var host = await LibraryApiHost.CreateAsync(postgres, redis);

        var paths = (await host.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/settings/jellyfin", "/api/settings/jellyfin/test", "/api/settings/coverage", "/api/settings/webhook/rotate",
            "/api/libraries", "/api/libraries/{id}/sync", "/api/libraries/refresh", "/api/items", "/api/items/{id}",
            "/api/items/translate", "/api/rules", "/api/rules/{id}/run", "/api/webhooks/jellyfin",
        })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue($"{path} is in the OpenAPI document");
        }
    }
}

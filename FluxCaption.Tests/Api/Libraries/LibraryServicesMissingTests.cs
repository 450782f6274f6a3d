using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>An Api without the library component registered (as before the merge) says so with 503, never 500.</summary>
public sealed class LibraryServicesMissingTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task SyncRunAndTranslateAnswer503WhenLibrarySyncIsNotAvailable()
    {
        await using var host = await LibraryApiHost.CreateAsync(postgres, redis, withLibraryServices: false);
        var library = await host.AddLibraryAsync("Films");
        var item = LibraryApiHost.Item(library, "Film");
        await host.AddItemsAsync(item);
        var rule = await host.AddRuleAsync(new { name = "r", targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });

        foreach (var response in new[]
        {
            await host.PostAsync($"/api/libraries/{library.Id}/sync"),
            await host.PostAsync($"/api/rules/{rule}/run"),
            await host.PostAsync("/api/items/translate", new { itemIds = new[] { item.Id }, targetLanguages = new[] { "fr" } }),
        })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
                .GetProperty("title").GetString().ShouldBe("library sync is not available");
        }
    }
}

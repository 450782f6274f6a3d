using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>Filling a gap from the items page, in a real browser against the real system (Api, Worker, Web).</summary>
public sealed class ItemsBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUserTranslatesAnItemMissingSpanishWatchesTheJobSucceedAndTheGapIsGoneAfterTheNextSync()
    {
        var root = Directory.CreateTempSubdirectory("fluxcaption-web-items-");
        try
        {
            var video = Path.Combine(root.CreateSubdirectory("Film").FullName, "Film.mkv");
            await TestMedia.CreateVideoAsync(video, [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
            await using var system = await BrowserSystem.StartAsync(postgres, redis);
            using var api = system.CreateApiClient();
            using var created = await api.PostAsJsonAsync("api/libraries", new { source = "local", name = "Films", path = root.FullName, writeBack = true }, Ct);
            created.EnsureSuccessStatusCode();
            var library = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
            await SyncAsync(api, library);
            var page = await system.NewPageAsync();

            await page.GotoAsync($"{system.WebUrl}/items?library={library}&missing=es");
            await page.Locator("[data-testid=items-page][data-interactive=true]").WaitForAsync();
            await page.GetByTestId("item-link").GetByText("Film").WaitForAsync();
            await page.Locator("[data-testid=item-table] tbody input[type=checkbox]").First.CheckAsync();
            await page.GetByTestId("translate-selected").ClickAsync();
            await page.GetByLabel("Target languages").FillAsync("es");
            await page.GetByTestId("translate-send").ClickAsync();

            var outcome = page.GetByTestId("translate-outcome");
            await outcome.WaitForAsync(new() { Timeout = 30_000 });
            (await outcome.InnerTextAsync()).ShouldContain("1 job created.");

            await page.GetByRole(AriaRole.Link, new() { Name = "See the jobs" }).ClickAsync();
            try
            {
                await page.GetByTestId("job-row-status").GetByText("succeeded").WaitForAsync(new() { Timeout = 180_000 });
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The job did not succeed. Page:\n{await page.InnerTextAsync("body")}\nWorker:\n{system.WorkerOutput}");
            }

            File.Exists(Path.Combine(root.FullName, "Film", "Film.es.srt")).ShouldBeTrue();
            await SyncAsync(api, library);
            await page.GotoAsync($"{system.WebUrl}/items?library={library}&missing=es");
            await page.GetByTestId("empty").WaitForAsync(new() { Timeout = 30_000 });
            (await page.GetByTestId("empty").InnerTextAsync()).ShouldContain("No items match these filters.");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>A full sync through the Api, waited for as the libraries page would (its last sync finishes anew).</summary>
    private static async Task SyncAsync(HttpClient api, Guid library)
    {
        var before = (await api.GetFromJsonAsync<JsonElement>($"api/libraries/{library}", Ct)).GetProperty("lastSync").GetProperty("finishedAt").ToString();
        using var accepted = await api.PostAsync($"api/libraries/{library}/sync?full=true", null, Ct);
        accepted.EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var lastSync = (await api.GetFromJsonAsync<JsonElement>($"api/libraries/{library}", Ct)).GetProperty("lastSync");
            if (lastSync.GetProperty("status").GetString() is "succeeded" or "failed" && lastSync.GetProperty("finishedAt").ToString() != before)
            {
                lastSync.GetProperty("status").GetString().ShouldBe("succeeded", lastSync.ToString());
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The library did not finish syncing: {lastSync}");
            }

            await Task.Delay(200, Ct);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Contracts.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Web;

/// <summary>Correcting a translated line in the subtitle editor, in a real browser against the real system (Api, Worker, Web).</summary>
public sealed class SubtitleEditorBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private const string Corrected = "La casa es roja, corregida.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APersonCorrectsALineAndSavesItAsANewVersionUnderTheirName()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        using var api = system.CreateApiClient();
        using var upload = await api.PostAsync("api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), sourceLanguage: "en"), Ct);
        upload.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await WaitForSuccessAsync(api, jobId, system);
        var translation = (await api.GetFromJsonAsync<List<SubtitleVersionSummary>>($"api/subtitles?jobId={jobId}", Ct))!
            .Single(summary => summary.Kind == SubtitleKinds.Translation);
        var page = await system.NewPageAsync();

        await page.GotoAsync($"{system.WebUrl}/subtitles/{translation.Id}");
        await page.Locator("[data-testid=subtitle-editor][data-interactive=true]").WaitForAsync();
        (await page.GetByTestId("cue-source").First.InnerTextAsync()).ShouldBe("The house is red.");
        await page.GetByTestId("cue-edit").First.ClickAsync();
        await page.Locator("[data-testid=cue-edit-text] textarea, textarea[data-testid=cue-edit-text]").FillAsync(Corrected);
        await page.GetByTestId("cue-apply").ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Ana");
        await page.GetByTestId("save-version").ClickAsync();

        await page.GetByTestId("notice").GetByText("Saved as version 2.").WaitForAsync(new() { Timeout = 30_000 });
        (await page.GetByTestId("subtitle-edited-by").InnerTextAsync()).Trim().ShouldBe("Edited by Ana");
        (await page.GetByTestId("cue-text").First.InnerTextAsync()).ShouldBe(Corrected);
        var saved = (await api.GetFromJsonAsync<List<SubtitleVersionSummary>>($"api/subtitles?jobId={jobId}", Ct))!.Single(summary => summary.Version == 2);
        page.Url.ShouldBe($"{system.WebUrl}/subtitles/{saved.Id}");
        saved.EditedBy.ShouldBe("Ana");
        (await api.GetStringAsync($"api/subtitles/{saved.Id}/file", Ct)).ShouldContain(Corrected);
    }

    private static async Task WaitForSuccessAsync(HttpClient api, Guid jobId, BrowserSystem system)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var status = (await api.GetFromJsonAsync<JsonElement>($"api/jobs/{jobId}", Ct)).GetProperty("status").GetString();
            if (status is "succeeded")
            {
                return;
            }

            if (status is "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The translation ended {status}. Worker:\n{system.WorkerOutput}");
            }

            await Task.Delay(250, Ct);
        }
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>The jobs pages in a real browser against the real system (Api, Web app and Worker).</summary>
public sealed class JobsBrowserTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtALaptopsWidthEveryRowsActionsAreOnScreenWithoutASidewaysScroll()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var data = system.Data;
        var library = await data.AddLibraryAsync("Shows");
        var episode = await data.AddEpisodeAsync(library, "The Remarkably Long-Running Chronicles of the Northern Lighthouse Keepers", 12, 24,
            "An Episode Whose Title Goes On and On Beyond Any Reasonable Length");
        await data.AddJobAsync(episode.Id, "fr", JobStatus.Failed, "engine_error",
            "The engine answered 503 Service Unavailable three times in a row; check that the server is running and has the model loaded.");
        var kept = await data.AddJobAsync(episode.Id, "de", JobStatus.Succeeded, progress: 1);
        await data.AddJobAsync(episode.Id, "es", JobStatus.Paused, progress: 0.35);
        await data.AddJobAsync(null, "it", JobStatus.Cancelled);
        await using (var db = data.NewDbContext())
        {
            await db.Jobs.Where(job => job.Id == kept).ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Warnings, """[{"cueIndex":4,"code":"kept_source","message":"The engine returned the source text."}]"""), Ct);
        }

        var page = await system.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"{system.WebUrl}/jobs");
        await page.Locator("[data-testid=jobs-page][data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=job-row-status]").Nth(3).WaitForAsync();

        var actions = page.Locator("[data-testid=job-row-actions] button, [data-testid=job-row-actions] a");
        var count = await actions.CountAsync();
        count.ShouldBe(6); // newest first: Retry; Resume and Cancel; Ask again and Download; Retry
        for (var i = 0; i < count; i++)
        {
            var box = (await actions.Nth(i).BoundingBoxAsync()).ShouldNotBeNull();
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(1366, $"action '{await actions.Nth(i).InnerTextAsync()}' ends past the window");
        }

        var overflow = await page.EvaluateAsync<JsonElement>("""
            () => ({
              page: document.scrollingElement.scrollWidth - window.innerWidth,
              table: Math.max(...[...document.querySelectorAll('.mud-table-container')].map(c => c.scrollWidth - c.clientWidth)),
            })
            """);
        overflow.GetProperty("page").GetDouble().ShouldBeLessThanOrEqualTo(0);
        overflow.GetProperty("table").GetDouble().ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task AJobsPageFollowsItsTranslationLiveFromResumeToTheResult()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        using var api = system.CreateApiClient();
        using var upload = await api.PostAsync("api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(LongFile(400)), "feature.en.srt"), Ct);
        upload.EnsureSuccessStatusCode();
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        // Paused before (or while) the worker starts it: the page opens on a job that has not finished.
        using (var pause = await api.PostAsync($"api/jobs/{id}/pause", null, Ct))
        {
            pause.EnsureSuccessStatusCode();
        }

        await WaitForStatusAsync(api, id, "paused");

        var page = await system.NewPageAsync();
        await page.GotoAsync($"{system.WebUrl}/jobs/{id}");
        await page.Locator("[data-testid=job-page][data-interactive=true]").WaitForAsync();
        (await page.GetByTestId("job-status").InnerTextAsync()).ShouldBe("paused");
        var startPercent = await page.GetByTestId("job-percent").InnerTextAsync();
        startPercent.ShouldNotBe("100%");
        // Survives only if the page is never reloaded: what follows must arrive live.
        await page.EvaluateAsync("() => { window.fluxStayed = true; }");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

        try
        {
            await page.Locator("[data-testid=job-status]", new() { HasTextString = "succeeded" }).WaitForAsync(new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The page never showed success. Page:\n{await page.InnerTextAsync("body")}\nWorker:\n{system.WorkerOutput}");
        }

        (await page.EvaluateAsync<bool>("() => window.fluxStayed === true")).ShouldBeTrue();
        (await page.GetByTestId("job-percent").InnerTextAsync()).ShouldBe("100%");
        await page.Locator("[data-testid=timeline-event]", new() { HasTextString = "Succeeded" }).WaitForAsync(new() { Timeout = 10_000 });
        var events = await page.GetByTestId("timeline-event").AllInnerTextsAsync();
        events.ShouldContain("Resumed");
        events.ShouldContain("Paused");
        (await page.GetByTestId("download").GetAttributeAsync("href")).ShouldBe($"/download/{id}");
        (await page.GetByTestId("open-result").GetAttributeAsync("href")).ShouldStartWith("subtitles/");
    }

    private static async Task WaitForStatusAsync(HttpClient api, Guid id, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        string? seen = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            seen = (await api.GetFromJsonAsync<JsonElement>($"api/jobs/{id}", Ct)).GetProperty("status").GetString();
            if (seen == status)
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException($"Job {id} stayed {seen}, never {status}.");
    }

    /// <summary>An English file long enough that translating it takes the worker a while.</summary>
    private static string LongFile(int cues)
    {
        string[] lines = ["The house is red.", "Where is the dog?", "I have two cats and a small garden.", "The river is cold in winter.", "We eat bread and cheese."];
        var text = new StringBuilder();
        for (var i = 0; i < cues; i++)
        {
            var start = TimeSpan.FromSeconds(i * 3);
            text.Append(i + 1).Append('\n')
                .Append($"{start:hh\\:mm\\:ss\\,fff} --> {start + TimeSpan.FromSeconds(2):hh\\:mm\\:ss\\,fff}\n")
                .Append(lines[i % lines.Length]).Append(' ').Append(i + 1).Append("\n\n");
        }

        return text.ToString();
    }
}

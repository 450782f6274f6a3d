using System.Text;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FluxCaption.Tests.Web;

/// <summary>The translate page as a person uses it, in a real browser against the real system.</summary>
public sealed class TranslatePageBrowserTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AUserUploadsAFileWatchesTheJobFinishAndDownloadsTheTranslation()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var page = await system.NewPageAsync();

        await SubmitAsync(page, system, "Spanish");

        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download the translation" });
        try
        {
            await download.WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No download link appeared. Page:\n{await page.InnerTextAsync("body")}\nWorker:\n{system.WorkerOutput}");
        }

        (await page.GetByTestId("job-status").InnerTextAsync()).ShouldBe("succeeded");
        (await page.GetByTestId("job-progress").InnerTextAsync()).ShouldContain("100");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        file.SuggestedFilename.ShouldBe("movie.es.srt");
        var path = await file.PathAsync();
        var translated = SubtitleFile.Load(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), file.SuggestedFilename);
        translated.Cues.Count.ShouldBe(3);
        translated.Cues[0].Text.ShouldContain("casa");
        translated.Cues[1].Text.ShouldStartWith("<i>");
    }

    [Fact]
    public async Task AnUploadTheApiRefusesShowsTheReasonOnThePage()
    {
        await using var system = await BrowserSystem.StartAsync(postgres, redis);
        var page = await system.NewPageAsync();

        await SubmitAsync(page, system, "klingonese");

        var problem = page.GetByTestId("problem").First;
        await problem.WaitForAsync(new() { Timeout = 20_000 });
        (await problem.InnerTextAsync()).ShouldContain("klingonese");
    }

    /// <summary>What a person does: waits for the page, chooses movie.en.srt, types a language, presses Translate.</summary>
    private static async Task SubmitAsync(IPage page, BrowserSystem system, string targetLanguage)
    {
        await page.GotoAsync(system.WebUrl + "/translate");
        await page.Locator("[data-testid=translate-form][data-interactive=true]").WaitForAsync();
        await ChooseFileAsync(page);
        await page.GetByLabel("Target language").FillAsync(targetLanguage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Translate" }).ClickAsync();
    }

    // The file input's script is attached just after the circuit's first render, so a file chosen in
    // that instant can go unnoticed; like a person, choose it again when the page shows no file.
    private static async Task ChooseFileAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "movie.en.srt",
                MimeType = "application/x-subrip",
                Buffer = Encoding.UTF8.GetBytes(TranslateUploads.ThreeCueSrt),
            });
            try
            {
                await page.GetByTestId("chosen-file").WaitForAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }
}

using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Tests.Api.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Subtitles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>
/// The subtitle editor as a person works it, in English and Simplified Chinese, on the real Api and
/// database: a 120-line translation (three pages) whose lines 1, 2, 3 and 81 are marked.
/// </summary>
public sealed class SubtitleEditorPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;
    private SubtitleTestData.Seeded _seeded = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ItemsWebPageHost.StartAsync(postgres, redis);
        // Lines 2 and 3 carry the seeded job's kept_source and no warning, line 81 reads as its source too; line 1 has a warning.
        _seeded = await SubtitleTestData.AddUploadJobAsync(
            _host.Api.DatabaseConnectionString,
            SubtitleTestData.Srt(120, i => $"Line {i + 1} in English."),
            SubtitleTestData.Srt(120, i => i is 1 or 2 or 80 ? $"Line {i + 1} in English." : $"Línea {i + 1} en español."));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MarkedLinesCanBeFilteredAndSteppedThroughAcrossPages()
    {
        var page = Open();
        page.Find("[data-testid=marked-count]").TextContent.ShouldBe("4 marked");
        Rows(page).Count.ShouldBe(50);
        page.FindAll("[data-testid=cue-source]")[0].TextContent.ShouldBe("Line 1 in English.");
        MarkerKinds(page, 1).ShouldBe(["kept_source"]);
        page.FindAll("[data-testid=cue-marker]").Select(marker => marker.TextContent.Trim()).Take(3)
            .ShouldBe(["Warning: fallback_engine", "Kept in source", "Untranslated"]);

        await page.Find("[data-testid=previous-marked]").ClickAsync(new MouseEventArgs());

        page.Find("[data-testid=current-cue]").TextContent.ShouldBe("At line 81");
        page.Find("tr.cue-current").GetAttribute("data-index").ShouldBe("80");
        Rows(page)[0].GetAttribute("data-index").ShouldBe("50");

        await page.Find("[data-testid=next-marked]").ClickAsync(new MouseEventArgs());

        page.Find("tr.cue-current").GetAttribute("data-index").ShouldBe("0");
        await ItemsWebPageHost.Input(page, "only-marked").ChangeAsync(new ChangeEventArgs { Value = true });
        Rows(page).Select(row => row.GetAttribute("data-index")).ShouldBe(["0", "1", "2", "80"]);
        page.Find("[data-testid=writeback-reason]").TextContent.ShouldContain("uploaded file");
    }

    [Fact]
    public async Task SearchAndReplaceChangeOnlyTheTranslationAndCountWhatTheyDid()
    {
        var page = Open();
        await ItemsWebPageHost.Input(page, "find-text").InputAsync(new ChangeEventArgs { Value = "línea 99 " });
        await ItemsWebPageHost.Input(page, "replace-text").InputAsync(new ChangeEventArgs { Value = "Frase noventa y nueve " });

        await page.Find("[data-testid=find-next]").ClickAsync(new MouseEventArgs());

        page.Find("[data-testid=find-status]").TextContent.ShouldBe("Line 99; 1 matches in all.");
        page.Find("tr.cue-current").GetAttribute("data-index").ShouldBe("98");

        await page.Find("[data-testid=replace-one]").ClickAsync(new MouseEventArgs());

        page.Find("tr.cue-current [data-testid=cue-text]").TextContent.ShouldBe("Frase noventa y nueve en español.");
        page.Find("[data-testid=changed-count]").TextContent.ShouldBe("1 changed");

        await ItemsWebPageHost.Input(page, "match-case").ChangeAsync(new ChangeEventArgs { Value = true });
        await ItemsWebPageHost.Input(page, "find-text").InputAsync(new ChangeEventArgs { Value = "english" });
        await page.Find("[data-testid=replace-all]").ClickAsync(new MouseEventArgs());
        page.Find("[data-testid=find-status]").TextContent.ShouldBe("Replaced 0 times.");

        await ItemsWebPageHost.Input(page, "find-text").InputAsync(new ChangeEventArgs { Value = "English" });
        await ItemsWebPageHost.Input(page, "replace-text").InputAsync(new ChangeEventArgs { Value = "inglés" });
        await page.Find("[data-testid=replace-all]").ClickAsync(new MouseEventArgs());

        page.Find("[data-testid=find-status]").TextContent.ShouldBe("Replaced 3 times.");
        page.Find("[data-testid=changed-count]").TextContent.ShouldBe("4 changed");
        var untranslated = Rows(page).Single(row => row.GetAttribute("data-index") == "80");
        untranslated.QuerySelector("[data-testid=cue-text]")!.TextContent.ShouldBe("Line 81 in inglés.");
        untranslated.QuerySelector("[data-testid=cue-source]")!.TextContent.ShouldBe("Line 81 in English.");
    }

    [Fact]
    public async Task AnEditedLineIsSavedAsANewVersionNamingWhoEditedIt()
    {
        var page = Open();
        await EditLineTwoAndSaveAsync(page, "Ana");

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe("Saved as version 2."), ItemsWebPageHost.Patience);
        page.Find("[data-testid=subtitle-version]").TextContent.ShouldBe("Version 2");
        page.Find("[data-testid=subtitle-edited-by]").TextContent.Trim().ShouldBe("Edited by Ana");
        page.FindAll("[data-testid=subtitle-version-link]").Select(link => link.TextContent.Trim()).ShouldBe(["v1", "v2 (Ana)"]);
        page.Find("[data-testid=changed-count]").TextContent.ShouldBe("0 changed");
        MarkerKinds(page, 1).ShouldBeEmpty();
        var versions = await _host.Client.ListSubtitlesAsync(null, _seeded.JobId, Ct);
        var saved = versions.Single(version => version.Version == 2);
        _host.Bunit.Services.GetRequiredService<NavigationManager>().Uri.ShouldBe($"http://localhost/subtitles/{saved.Id}");
        (await SubtitleTestData.DocumentAsync(_host.Api.DatabaseConnectionString, saved.Id)).Content.ShouldContain("Línea dos, por fin.");
    }

    [Fact]
    public async Task InSimplifiedChineseTheEditorSpeaksChineseAndDatesFollowTheCulture()
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        try
        {
            var page = Open();
            page.Find("h4").TextContent.ShouldBe("字幕编辑器");
            page.Find("[data-testid=marked-count]").TextContent.ShouldBe("4 行已标记");
            page.FindAll("[data-testid=cue-marker]")[1].TextContent.Trim().ShouldBe("保留原文");
            page.Find("[data-testid=save-version]").TextContent.Trim().ShouldBe("另存为新版本");
            page.Find("[data-testid=writeback-reason]").TextContent.ShouldBe("此译文来自上传的文件，无处可回写；请改为下载。");
            var created = (await SubtitleTestData.DocumentAsync(_host.Api.DatabaseConnectionString, _seeded.TranslationId)).CreatedAt;
            page.Find("[data-testid=subtitle-created]").TextContent.ShouldBe(created.ToLocalTime().ToString("g", new CultureInfo("zh-CN")));

            await page.Find("[data-testid=next-marked]").ClickAsync(new MouseEventArgs());
            page.Find("[data-testid=current-cue]").TextContent.ShouldBe("当前位于第 1 行");

            await EditLineTwoAndSaveAsync(page, "李伟");

            page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe("已保存为版本 2。"), ItemsWebPageHost.Patience);
            page.Find("[data-testid=subtitle-edited-by]").TextContent.Trim().ShouldBe("由 李伟 编辑");
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }

    private IRenderedComponent<ContainerFragment> Open()
    {
        var page = _host.Open<SubtitleEditorPage>($"http://localhost/subtitles/{_seeded.TranslationId}",
            new Dictionary<string, object?> { ["DocumentId"] = _seeded.TranslationId });
        page.WaitForAssertion(() => Rows(page).Count.ShouldBeGreaterThan(0), ItemsWebPageHost.Patience);
        return page;
    }

    private static async Task EditLineTwoAndSaveAsync(IRenderedComponent<ContainerFragment> page, string name)
    {
        await page.FindAll("[data-testid=cue-edit]")[1].ClickAsync(new MouseEventArgs());
        await ItemsWebPageHost.Input(page, "cue-edit-text").InputAsync(new ChangeEventArgs { Value = "Línea dos, por fin." });
        await page.Find("[data-testid=cue-apply]").ClickAsync(new MouseEventArgs());
        page.FindAll("[data-testid=cue-text]")[1].TextContent.ShouldBe("Línea dos, por fin.");
        await ItemsWebPageHost.Input(page, "edited-by").ChangeAsync(new ChangeEventArgs { Value = name });
        await page.Find("[data-testid=save-version]").ClickAsync(new MouseEventArgs());
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<ContainerFragment> page) => page.FindAll("[data-testid=cue-row]");

    private static List<string?> MarkerKinds(IRenderedComponent<ContainerFragment> page, int row) =>
        [.. Rows(page)[row].QuerySelectorAll("[data-testid=cue-marker]").Select(marker => marker.GetAttribute("data-kind"))];
}

using System.Globalization;
using Bunit;
using Bunit.Rendering;
using System.Net.Http.Json;
using FluxCaption.Contracts;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Jobs;
using FluxCaption.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>A job's own page on the real Api: its timeline, its warnings by kind, its estimate against its cost, and where to go next.</summary>
public sealed class JobDetailPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AFinishedJobShowsItsTimelineWarningsByKindEstimateAgainstSpentAndEditorLinks()
    {
        var (job, resultId) = await FinishedJobAsync();

        var page = _host.Open<JobDetailPage>($"http://localhost/jobs/{job.Id}", new Dictionary<string, object?> { ["Id"] = job.Id });

        page.WaitForAssertion(() => page.Find("[data-testid=job-status]").TextContent.ShouldBe("succeeded"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=job-subject]").TextContent.Trim().ShouldBe("pilot.en.srt");
        page.Find("[data-testid=job-languages]").TextContent.ShouldBe("en → es");
        page.Find("[data-testid=job-engine]").TextContent.ShouldBe("apertium");
        page.FindAll("[data-testid=timeline-event]").Select(cell => cell.TextContent)
            .ShouldBe(["Succeeded", "Resumed", "Paused", "Created"]);

        var groups = page.FindAll("[data-testid=warning-group]");
        groups.Select(group => group.GetAttribute("data-code")).ShouldBe(["kept_source", "fallback_engine", "parser_repaired"]);
        page.FindAll("[data-testid=warning-group-title]")[0].TextContent.ShouldBe("Lines kept in the source language (2)");
        groups[0].QuerySelectorAll("[data-testid=warning-line]").Select(line => line.TextContent.Trim())
            .ShouldBe(["Line 1: The engine returned the source text.", "Line 3: The engine returned the source text."]);
        groups[1].QuerySelector("[data-testid=warning-line]")!.TextContent.Trim().ShouldBe("Line 2: Translated by the fallback. (by apertium)");

        Row(page, "budget-requests").ShouldBe(["Requests", "4", "6"]);
        Row(page, "budget-tokens").ShouldBe(["Tokens", "12,400", "16,500"]);
        Row(page, "budget-time").ShouldBe(["Time", "42 s", "1.6 min"]);
        Row(page, "budget-cost").ShouldBe(["Cost", "0.0521", "0.07"]);

        page.Find("[data-testid=open-result]").GetAttribute("href").ShouldBe($"subtitles/{resultId}");
        page.Find("[data-testid=open-source]").GetAttribute("href").ShouldBe($"subtitles/{job.SourceDocumentId}");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe($"/download/{job.Id}");
        page.Find("[data-testid=job-ask-again]").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheJobPageReadsInSimplifiedChineseForAChineseReader()
    {
        var (job, _) = await FinishedJobAsync();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var page = _host.Open<JobDetailPage>($"http://localhost/jobs/{job.Id}", new Dictionary<string, object?> { ["Id"] = job.Id });

            page.WaitForAssertion(() => page.Find("[data-testid=job-status]").TextContent.ShouldBe("已成功"), ItemsWebPageHost.Patience);
            page.FindAll("[data-testid=timeline-event]").Select(cell => cell.TextContent).ShouldBe(["已成功", "已继续", "已暂停", "已创建"]);
            page.FindAll("[data-testid=warning-group-title]")[0].TextContent.ShouldBe("保留原文的行 (2)");
            page.FindAll("[data-testid=warning-line]")[0].TextContent.Trim().ShouldBe("第 1 行：The engine returned the source text.");
            Row(page, "budget-time").ShouldBe(["耗时", "42 秒", "1.6 分钟"]);
            page.Find("[data-testid=budget] thead").TextContent.ShouldContain("预估");
            page.Find("[data-testid=open-result]").TextContent.Trim().ShouldBe("在编辑器中打开译文");
            page.Find("[data-testid=job-actions]").TextContent.ShouldContain("重新翻译保留原文的行");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task AnUnknownJobSaysThereIsNoSuchJob()
    {
        var id = Guid.NewGuid();

        var page = _host.Open<JobDetailPage>($"http://localhost/jobs/{id}", new Dictionary<string, object?> { ["Id"] = id });

        page.WaitForAssertion(() => page.Find("[data-testid=problem]").TextContent.ShouldContain(id.ToString()), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=job-status]").ShouldBeEmpty();
    }

    private static string[] Row(IRenderedComponent<ContainerFragment> page, string testId) =>
        [.. page.Find($"[data-testid={testId}]").QuerySelectorAll("td").Select(cell => cell.TextContent.Trim())];

    /// <summary>
    /// An uploaded job, paused and resumed through the Api, then finished as the worker leaves one
    /// (result document, warnings, budget, the succeeded event), without a worker in this host.
    /// </summary>
    private async Task<(JobView Job, Guid ResultId)> FinishedJobAsync()
    {
        using var http = _host.Api.CreateAuthorizedClient();
        using var response = await http.PostAsync("api/jobs/translate",
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "pilot.en.srt", sourceLanguage: "en"), Ct);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JobView>(FluxCaptionApiClient.Json, Ct))!.Id;
        await _host.Client.ControlAsync(id, "pause", Ct);
        await _host.Client.ControlAsync(id, "resume", Ct);

        var result = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(), Format = SubtitleFormat.Srt, Language = "es", Origin = SubtitleDocumentOrigin.Mt,
            Content = "1\n00:00:01,000 --> 00:00:03,500\nLa casa es roja.\n", Engine = "apertium", CreatedAt = DateTimeOffset.UtcNow,
        };
        const string Kept = "The engine returned the source text.";
        var warnings = $$"""
            [{"cueIndex":0,"code":"kept_source","message":"{{Kept}}"},
             {"cueIndex":2,"code":"kept_source","message":"{{Kept}}"},
             {"cueIndex":1,"code":"fallback_engine","message":"Translated by the fallback.","engine":"apertium"},
             {"cueIndex":2,"code":"parser_repaired","message":"A timing line was repaired."}]
            """;
        var budget = JobBudgetJson.Write(new JobBudget(new JobBudgetFigures(4, 9_000, 3_400, 42, 0.0521m), new JobBudgetFigures(6, 12_500, 4_000, 95, 0.07m)));
        await using (var db = _host.Data.NewDbContext())
        {
            db.SubtitleDocuments.Add(result);
            await db.SaveChangesAsync(Ct);
            await db.Jobs.Where(job => job.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(job => job.Status, JobStatus.Succeeded)
                .SetProperty(job => job.Progress, 1)
                .SetProperty(job => job.ResultDocumentId, result.Id)
                .SetProperty(job => job.Warnings, warnings)
                .SetProperty(job => job.Budget, budget)
                .SetProperty(job => job.FinishedAt, DateTimeOffset.UtcNow), Ct);
        }

        using (var scope = _host.Api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobEventRecorder>().RecordAsync(id, JobEventTypes.Succeeded, null, Ct);
        }

        return (await _host.Client.GetJobAsync(id, Ct), result.Id);
    }
}

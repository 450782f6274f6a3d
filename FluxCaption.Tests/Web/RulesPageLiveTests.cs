using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Rules;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The rules page's last run as its jobs move, the engine check in the editor, and the page in Chinese.</summary>
public sealed class RulesPageLiveTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunsStatusFollowsItsJobsLiveAndReadsFailedWhenNoJobSucceeded()
    {
        var library = await _host.Data.AddLibraryAsync("Films");
        var film = await _host.Data.AddItemAsync(library, "Film");
        var rule = await _host.Client.CreateRuleAsync(new RuleInput("Nightly", true, [], ["fr", "de"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        await AddRunJobAsync(rule.Id, film.Id, "fr", JobStatus.Failed);
        var queued = await AddRunJobAsync(rule.Id, film.Id, "de", JobStatus.Queued);
        await RecordRunAsync(rule.Id);

        var page = _host.Open<RulesPage>("http://localhost/rules");
        page.WaitForAssertion(() => Text(page, "rule-run-status").ShouldBe("Jobs running"), ItemsWebPageHost.Patience);
        Text(page, "rule-run-jobs").ShouldBe("2 job(s): 1 still running, 1 failed");

        // The page listens from the moment it opened; give its event stream a moment to be connected.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        await _host.Client.ControlAsync(queued, "cancel", Ct);

        page.WaitForAssertion(() => Text(page, "rule-run-status").ShouldBe("Failed"), ItemsWebPageHost.Patience);
        Text(page, "rule-run-jobs").ShouldBe("2 job(s): 1 failed, 1 cancelled");
    }

    [Fact]
    public async Task APairTheEngineCannotTranslateIsRefusedNextToTheTargetLanguages()
    {
        var page = _host.Open<RulesPage>("http://localhost/rules");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), ItemsWebPageHost.Patience);

        await page.Find("[data-testid=new-rule]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("[data-testid=rule-name]"), ItemsWebPageHost.Patience);
        await ItemsWebPageHost.Input(page, "rule-name").ChangeAsync(new ChangeEventArgs { Value = "Japanese" });
        await ItemsWebPageHost.Input(page, "rule-targets").ChangeAsync(new ChangeEventArgs { Value = "ja" });
        await ItemsWebPageHost.Input(page, "rule-sources").ChangeAsync(new ChangeEventArgs { Value = "en" });
        await page.Find("[data-testid=rule-save]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Field(page, "rule-targets").TextContent.ShouldContain("can translate en into ja"), ItemsWebPageHost.Patience);
        Field(page, "rule-targets").TextContent.ShouldContain("the default engine 'apertium' has no such pair here");
        (await _host.Client.ListRulesAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task InChineseThePageItsScheduleAndItsRunReadInChinese()
    {
        var rule = await _host.Client.CreateRuleAsync(new RuleInput("夜间", true, [], ["fr"], [], null, null, "0 15 22 ? * MON-FRI", 0, TimeSpan.FromDays(1)), Ct);
        await RecordRunAsync(rule.Id);
        using var _ = WebTexts.InCulture("zh-CN");

        var page = _host.Open<RulesPage>("http://localhost/rules");

        page.WaitForAssertion(() => page.Find("[data-testid=rule-cron-hint]").TextContent.ShouldBe("周一至周五 22:15"), ItemsWebPageHost.Patience);
        page.Markup.ShouldContain("自动翻译规则");
        Text(page, "rule-run").ShouldBe("立即运行");
        Text(page, "rule-run-status").ShouldBe("成功");
        Text(page, "rule-run-jobs").ShouldBe("没有任务：没有缺少的字幕");
        page.Find("[data-testid=rule-table]").TextContent.ShouldContain("1 天");
    }

    private static string Text(IRenderedComponent<ContainerFragment> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private static IElement Field(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? page.Find($"[data-testid={testId}]");

    // A run as the runner records it: it began a minute ago and ended now; its jobs were made in between.
    private async Task RecordRunAsync(Guid ruleId)
    {
        await using var db = _host.Data.NewDbContext();
        var now = DateTimeOffset.UtcNow;
        await db.AutoTranslationRules.Where(rule => rule.Id == ruleId).ExecuteUpdateAsync(set => set
            .SetProperty(rule => rule.LastRunStartedAt, now.AddMinutes(-1))
            .SetProperty(rule => rule.LastRunAt, now)
            .SetProperty(rule => rule.LastRunStatus, "succeeded"), Ct);
    }

    private async Task<Guid> AddRunJobAsync(Guid ruleId, Guid itemId, string language, JobStatus status)
    {
        var id = await _host.Data.AddJobAsync(itemId, language, status);
        await using var db = _host.Data.NewDbContext();
        var madeAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        await db.Jobs.Where(job => job.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.RuleId, ruleId).SetProperty(job => job.CreatedAt, madeAt), Ct);
        return id;
    }
}

using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Rules;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The rules page as a user works it, on the real Api.</summary>
public sealed class RulesPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AWrongScheduleShowsQuartzsReasonUnderTheFieldAndTheFixedRuleIsListedInPlainWords()
    {
        var page = _host.Open<RulesPage>("http://localhost/rules");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldStartWith("No rules yet"), ItemsWebPageHost.Patience);

        await ClickAsync(page, "new-rule");
        page.WaitForAssertion(() => page.Find("[data-testid=rule-name]"), ItemsWebPageHost.Patience);
        await ItemsWebPageHost.Input(page, "rule-name").ChangeAsync(new ChangeEventArgs { Value = "Nightly French" });
        await ItemsWebPageHost.Input(page, "rule-targets").ChangeAsync(new ChangeEventArgs { Value = "fre, de" });
        await ItemsWebPageHost.Input(page, "rule-cron").InputAsync(new ChangeEventArgs { Value = "every night" });
        await ClickAsync(page, "rule-save");

        page.WaitForAssertion(() => CronField(page).TextContent.ShouldContain("'every night' is not a Quartz cron expression"), ItemsWebPageHost.Patience);
        (await _host.Client.ListRulesAsync(Ct)).ShouldBeEmpty();

        await ItemsWebPageHost.Input(page, "rule-cron").InputAsync(new ChangeEventArgs { Value = "0 0 3 * * ?" });
        page.WaitForAssertion(() => CronField(page).TextContent.ShouldContain("Runs every day at 03:00"), ItemsWebPageHost.Patience);
        await ClickAsync(page, "rule-save");

        page.WaitForAssertion(() => page.Find("[data-testid=rule-row-name]").TextContent.ShouldBe("Nightly French"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=rule-cron-hint]").TextContent.ShouldBe("every day at 03:00");
        page.Find("[data-testid=rule-table]").TextContent.ShouldContain("fr, de");
        page.Find("[data-testid=rule-last-run]").TextContent.ShouldContain("never run");
        (await _host.Client.ListRulesAsync(Ct)).Single().TargetLanguages.ShouldBe(["fr", "de"]);
    }

    [Fact]
    public async Task RunNowSaysTheRunIsQueuedDisablingIsStoredAndDeleteAsksFirst()
    {
        await _host.Client.CreateRuleAsync(new RuleInput("Weekdays", true, [], ["es"], [], null, null, "0 15 22 ? * MON-FRI", 0, TimeSpan.FromDays(1)), Ct);
        var page = _host.Open<RulesPage>("http://localhost/rules");
        page.WaitForAssertion(() => page.Find("[data-testid=rule-cron-hint]").TextContent.ShouldBe("Monday to Friday at 22:15"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=rule-table]").TextContent.ShouldContain("1 day(s)");

        await ClickAsync(page, "rule-run");
        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("is queued to run now"), ItemsWebPageHost.Patience);

        await ItemsWebPageHost.Input(page, "rule-enabled").ChangeAsync(new ChangeEventArgs { Value = false });
        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("disabled"), ItemsWebPageHost.Patience);
        (await _host.Client.ListRulesAsync(Ct)).Single().Enabled.ShouldBeFalse();

        await ClickAsync(page, "rule-delete");
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-delete]"), ItemsWebPageHost.Patience);
        (await _host.Client.ListRulesAsync(Ct)).Count.ShouldBe(1);
        await ClickAsync(page, "confirm-delete");

        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), ItemsWebPageHost.Patience);
        (await _host.Client.ListRulesAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EditingARuleKeepsTheFieldsNotTouchedAndShowsTheNewValues()
    {
        var library = await _host.Data.AddLibraryAsync("Films");
        var rule = await _host.Client.CreateRuleAsync(
            new RuleInput("Old name", true, [library.Id], ["es"], ["en"], "apertium", null, "0 0 3 * * ?", 7, TimeSpan.FromHours(12)), Ct);
        var page = _host.Open<RulesPage>("http://localhost/rules");
        page.WaitForAssertion(() => page.Find("[data-testid=rule-row-name]").TextContent.ShouldBe("Old name"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=rule-table]").TextContent.ShouldContain("Films");

        await ClickAsync(page, "rule-edit");
        page.WaitForAssertion(() => ItemsWebPageHost.Input(page, "rule-name").GetAttribute("value").ShouldBe("Old name"), ItemsWebPageHost.Patience);
        ItemsWebPageHost.Input(page, "rule-targets").GetAttribute("value").ShouldBe("es");
        await ItemsWebPageHost.Input(page, "rule-name").ChangeAsync(new ChangeEventArgs { Value = "New name" });
        await ClickAsync(page, "rule-save");

        page.WaitForAssertion(() => page.Find("[data-testid=rule-row-name]").TextContent.ShouldBe("New name"), ItemsWebPageHost.Patience);
        var stored = await _host.Client.GetRuleAsync(rule.Id, Ct);
        (stored.LibraryIds.Single(), stored.SourceLanguages.Single(), stored.Engine, stored.Priority, stored.MinimumItemAge)
            .ShouldBe((library.Id, "en", "apertium", 7, TimeSpan.FromHours(12)));
    }

    private static IElement CronField(IRenderedComponent<ContainerFragment> page) =>
        page.Find("[data-testid=rule-cron]").Closest(".mud-input-control") ?? page.Find("[data-testid=rule-cron]");

    private static Task ClickAsync(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").ClickAsync(new MouseEventArgs());
}

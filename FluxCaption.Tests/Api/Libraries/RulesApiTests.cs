using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api.Libraries;

public sealed class RulesApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LibraryApiHost.CreateAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARuleIsCreatedReadReplacedAndDeleted()
    {
        var films = await _host.AddLibraryAsync("Films");
        using var created = await _host.PostAsync("/api/rules", new
        {
            name = "Spanish for films", libraryIds = new[] { films.Id }, targetLanguages = new[] { "spa", "es" },
            sourceLanguages = new[] { "eng", "ja" }, engine = "apertium", model = "x", cron = "0 30 2 * * ?", priority = 5,
            minimumItemAge = "2.00:00:00",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var rule = await _host.GetJsonAsync($"/api/rules/{id}");
        rule.GetProperty("targetLanguages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["es"]);
        rule.GetProperty("sourceLanguages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["en", "ja"]);
        rule.GetProperty("libraryIds").EnumerateArray().Select(l => l.GetGuid()).ShouldBe([films.Id]);
        rule.GetProperty("minimumItemAge").GetString().ShouldBe("2.00:00:00");
        rule.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        rule.GetProperty("lastRunAt").ValueKind.ShouldBe(JsonValueKind.Null);

        using var replaced = await _host.PutAsync($"/api/rules/{id}",
            new { name = "Renamed", enabled = false, targetLanguages = new[] { "de" }, cron = "0 0 4 ? * MON" });
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await _host.GetJsonAsync("/api/rules")).EnumerateArray().Single();
        listed.GetProperty("name").GetString().ShouldBe("Renamed");
        listed.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        listed.GetProperty("libraryIds").GetArrayLength().ShouldBe(0);
        listed.GetProperty("cron").GetString().ShouldBe("0 0 4 ? * MON");

        (await _host.DeleteAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _host.GetAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("0 0 3 * *")]
    [InlineData("every night")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("")]
    public async Task ACronQuartzCannotReadIsRefusedUnderCron(string cron)
    {
        using var response = await _host.PostAsync("/api/rules", new { name = "r", targetLanguages = new[] { "fr" }, cron });
        (await response.ShouldNameFieldAsync("cron")).ShouldContain("Quartz cron");
    }

    [Fact]
    public async Task EveryOtherFieldOfARuleIsCheckedByName()
    {
        var ok = new { name = "r", targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" };
        await (await _host.PostAsync("/api/rules", ok with { name = " " })).ShouldNameFieldAsync("name");
        await (await _host.PostAsync("/api/rules", ok with { targetLanguages = Array.Empty<string>() })).ShouldNameFieldAsync("targetLanguages");
        await (await _host.PostAsync("/api/rules", new { ok.name, ok.targetLanguages, ok.cron, sourceLanguages = new[] { "klingon-ish" } })).ShouldNameFieldAsync("sourceLanguages");
        await (await _host.PostAsync("/api/rules", new { ok.name, ok.targetLanguages, ok.cron, libraryIds = new[] { Guid.NewGuid() } })).ShouldNameFieldAsync("libraryIds");
        await (await _host.PostAsync("/api/rules", new { ok.name, ok.targetLanguages, ok.cron, engine = "babelfish" })).ShouldNameFieldAsync("engine");
        await (await _host.PostAsync("/api/rules", new { ok.name, ok.targetLanguages, ok.cron, minimumItemAge = "-01:00:00" })).ShouldNameFieldAsync("minimumItemAge");
        await using var db = _host.NewDbContext();
        (await db.AutoTranslationRules.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task RunNowSyncsTheRulesEnabledLibrariesThenPlansWithTheRulesSettingsAndRecordsTheRun()
    {
        var films = await _host.AddLibraryAsync("Films");
        var off = await _host.AddLibraryAsync("Off", enabled: false);
        var notMine = await _host.AddLibraryAsync("Not mine");
        var id = await _host.AddRuleAsync(new
        {
            name = "r", libraryIds = new[] { films.Id, off.Id }, targetLanguages = new[] { "es" }, sourceLanguages = new[] { "en" },
            engine = "apertium", model = "m", cron = "0 0 3 * * ?", priority = 3, minimumItemAge = "1.00:00:00",
        });

        using var response = await _host.PostAsync($"/api/rules/{id}/run");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(async () => (await _host.GetJsonAsync($"/api/rules/{id}")).GetProperty("lastRunStatus").GetString() == "succeeded",
            "the rule's run was recorded");
        _host.Sync.Syncs.ShouldBe([(films.Id, false)]);
        _host.Sync.Syncs.ShouldNotContain((notMine.Id, false));
        var plan = _host.Planner.Requests.Single();
        plan.TargetLanguages.ShouldBe(["es"]);
        plan.LibraryIds.ShouldBe([films.Id, off.Id]);
        plan.SourceLanguages.ShouldBe(["en"]);
        (plan.Engine, plan.Model, plan.Priority, plan.MinimumItemAge, plan.RuleId).ShouldBe(("apertium", "m", 3, TimeSpan.FromDays(1), (Guid?)id));
        (await _host.GetJsonAsync($"/api/rules/{id}")).GetProperty("lastRunAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task ARunWhosePlannerFailsIsRecordedAsFailedWithTheReason()
    {
        _host.Planner.Answer = _ => throw new InvalidOperationException("planner exploded");
        var id = await _host.AddRuleAsync(new { name = "r", targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });

        (await _host.PostAsync($"/api/rules/{id}/run")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(async () => (await _host.GetJsonAsync($"/api/rules/{id}")).GetProperty("lastRunStatus").GetString() == "failed",
            "the failed run was recorded");
        (await _host.GetJsonAsync($"/api/rules/{id}")).GetProperty("lastRunError").GetString().ShouldNotBeNull().ShouldContain("planner exploded");
        (await _host.PostAsync($"/api/rules/{Guid.NewGuid()}/run")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

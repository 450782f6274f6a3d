using System.Net;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>What a rule's last run says once its jobs run, and which language pairs a rule may ask for.</summary>
public sealed class RuleRunStatusApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LibraryApiHost.CreateAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunWhoseJobsAllFailedSaysFailedAndOneWithSomeFailedSaysPartlyFailedWithCounts()
    {
        var films = await _host.AddLibraryAsync("Films");
        var item = LibraryApiHost.Item(films, "Film");
        await _host.AddItemsAsync(item);
        var jobIds = new List<Guid>();
        _host.Planner.Answer = request =>
        {
            // The real planner inserts one job per gap while the run is on; these stand for them.
            using var db = _host.NewDbContext();
            foreach (var language in new[] { "fr", "de" })
            {
                var now = DateTimeOffset.UtcNow;
                var job = new Job
                {
                    Id = Guid.CreateVersion7(), Kind = JobKind.Translate, Stage = JobStage.Scan, Status = JobStatus.Queued,
                    MediaItemId = item.Id, RuleId = request.RuleId, TargetLanguage = language, Engine = "apertium", CreatedAt = now, UpdatedAt = now,
                };
                db.Jobs.Add(job);
                jobIds.Add(job.Id);
            }

            db.SaveChanges();
            return new GapPlanResult(1, 2, 2, [.. jobIds]);
        };
        var id = await _host.AddRuleAsync(new { name = "r", targetLanguages = new[] { "fr", "de" }, cron = "0 0 3 * * ?" });

        (await _host.PostAsync($"/api/rules/{id}/run")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(async () => (await RuleAsync(id)).GetProperty("lastRunAt").ValueKind == JsonValueKind.String, "the run was recorded");

        (await RuleAsync(id)).GetProperty("lastRunStatus").GetString().ShouldBe("running");
        Counts(await RuleAsync(id)).ShouldBe((2, 2, 0, 0));

        await SetStatusAsync(jobIds, JobStatus.Failed);
        // A job of the same rule made after the run (a webhook's) is not part of that run.
        await AddLaterJobAsync(id, item.Id);
        var failed = await RuleAsync(id);
        failed.GetProperty("lastRunStatus").GetString().ShouldBe("failed");
        Counts(failed).ShouldBe((2, 0, 0, 2));
        (await _host.GetJsonAsync("/api/rules")).EnumerateArray().Single().GetProperty("lastRunStatus").GetString().ShouldBe("failed");

        await SetStatusAsync([jobIds[0]], JobStatus.Succeeded);
        var partly = await RuleAsync(id);
        partly.GetProperty("lastRunStatus").GetString().ShouldBe("partlyFailed");
        Counts(partly).ShouldBe((2, 0, 1, 1));
    }

    [Fact]
    public async Task ARunThatCreatedNoJobsSucceededAndARuleThatNeverRanHasNoCounts()
    {
        var id = await _host.AddRuleAsync(new { name = "r", targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });
        (await RuleAsync(id)).GetProperty("lastRunJobs").ValueKind.ShouldBe(JsonValueKind.Null);

        (await _host.PostAsync($"/api/rules/{id}/run")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(async () => (await RuleAsync(id)).GetProperty("lastRunAt").ValueKind == JsonValueKind.String, "the run was recorded");

        (await RuleAsync(id)).GetProperty("lastRunStatus").GetString().ShouldBe("succeeded");
        Counts(await RuleAsync(id)).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task ARuleForAPairItsEngineCannotTranslateIsRefusedNamingThePairAndTheEngines()
    {
        // Apertium here has English-Spanish only: Japanese is beyond it.
        using var refused = await _host.PostAsync("/api/rules", new
        {
            name = "r", targetLanguages = new[] { "ja" }, sourceLanguages = new[] { "en" }, engine = "apertium", cron = "0 0 3 * * ?",
        });

        var message = await refused.ShouldNameFieldAsync("targetLanguages");
        message.ShouldContain("en into ja");
        message.ShouldContain("'apertium'");
        message.ShouldContain("Engines of this installation: apertium");
        await using (var db = _host.NewDbContext())
        {
            (await db.AutoTranslationRules.CountAsync(Ct)).ShouldBe(0);
        }

        using var accepted = await _host.PostAsync("/api/rules", new
        {
            name = "r", targetLanguages = new[] { "es" }, sourceLanguages = new[] { "ja", "en" }, engine = "apertium", cron = "0 0 3 * * ?",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private Task<JsonElement> RuleAsync(Guid id) => _host.GetJsonAsync($"/api/rules/{id}");

    private static (int Total, int Active, int Succeeded, int Failed) Counts(JsonElement rule)
    {
        var jobs = rule.GetProperty("lastRunJobs");
        return (jobs.GetProperty("total").GetInt32(), jobs.GetProperty("active").GetInt32(),
            jobs.GetProperty("succeeded").GetInt32(), jobs.GetProperty("failed").GetInt32());
    }

    private async Task SetStatusAsync(IReadOnlyList<Guid> ids, JobStatus status)
    {
        await using var db = _host.NewDbContext();
        await db.Jobs.Where(job => ids.Contains(job.Id)).ExecuteUpdateAsync(set => set.SetProperty(job => job.Status, status), Ct);
    }

    private async Task AddLaterJobAsync(Guid ruleId, Guid itemId)
    {
        await using var db = _host.NewDbContext();
        var now = DateTimeOffset.UtcNow.AddSeconds(1);
        db.Jobs.Add(new Job
        {
            Id = Guid.CreateVersion7(), Kind = JobKind.Translate, Stage = JobStage.Scan, Status = JobStatus.Queued,
            MediaItemId = itemId, RuleId = ruleId, TargetLanguage = "it", Engine = "apertium", CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(Ct);
    }
}

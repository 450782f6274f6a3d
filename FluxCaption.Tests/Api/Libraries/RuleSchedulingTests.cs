using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Rules;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>The scheduler role on real Quartz and Postgres following the rules table without a restart.</summary>
public sealed class RuleSchedulingTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> FastReconcile = new()
    {
        ["Rules:ReconcileInterval"] = "00:00:00.300",
        ["Rules:TimeZone"] = "UTC",
        ["Worker:SchedulerCheckinInterval"] = "00:00:02",
    };

    [Fact]
    public async Task TriggersFollowRulesAsTheyAreAddedChangedDisabledAndDeleted()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var scheduler = await PipelineHost.CreateAsync(database, redis, RedisServer.NewKeyPrefix(), "scheduler", FastReconcile);
        var first = await AddRuleAsync(database, "0 0 3 * * ?");
        var second = await AddRuleAsync(database, "0 15 4 ? * SUN");

        await Eventually.HoldsAsync(async () => (await TriggersAsync(database)).Count == 2, "both rules have a trigger");
        (await TriggersAsync(database))[$"rule-{second}"].ShouldBe("0 15 4 ? * SUN");

        await UpdateRuleAsync(database, first, rule => rule.Cron = "0 0 5 * * ?");
        await UpdateRuleAsync(database, second, rule => rule.Enabled = false);
        await Eventually.HoldsAsync(async () =>
        {
            var triggers = await TriggersAsync(database);
            return triggers.Count == 1 && triggers.GetValueOrDefault($"rule-{first}") == "0 0 5 * * ?";
        }, "the changed cron is rescheduled and the disabled rule's trigger is gone");

        await using (var db = NewDb(database))
        {
            await db.AutoTranslationRules.Where(rule => rule.Id == first).ExecuteDeleteAsync(Ct);
        }

        await Eventually.HoldsAsync(async () => (await TriggersAsync(database)).Count == 0, "the deleted rule's trigger is gone");
    }

    [Fact]
    public async Task ARuleFiresOnItsCronAndTheRunIsRecordedOnTheRule()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var scheduler = await PipelineHost.CreateAsync(database, redis, RedisServer.NewKeyPrefix(), "scheduler", FastReconcile);
        var id = await AddRuleAsync(database, "0/1 * * * * ?");

        // No library exists, so the run has nothing to sync or plan and succeeds: the cron fired, the
        // runner ran, and the outcome reached the row.
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = NewDb(database);
            var rule = await db.AutoTranslationRules.SingleAsync(rule => rule.Id == id, Ct);
            return rule.LastRunAt is not null && rule.LastRunStatus == "succeeded" && rule.LastRunError is null;
        }, "the rule ran on its cron");
    }

    private static FluxCaptionDbContext NewDb(string database)
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, database);
        return new FluxCaptionDbContext(options.Options);
    }

    private static async Task<Guid> AddRuleAsync(string database, string cron)
    {
        await using var db = NewDb(database);
        var now = DateTimeOffset.UtcNow;
        var rule = new AutoTranslationRule
        {
            Id = Guid.CreateVersion7(), Name = cron, TargetLanguages = ["fr"], Cron = cron, CreatedAt = now, UpdatedAt = now,
        };
        db.AutoTranslationRules.Add(rule);
        await db.SaveChangesAsync(Ct);
        return rule.Id;
    }

    private static async Task UpdateRuleAsync(string database, Guid id, Action<AutoTranslationRule> change)
    {
        await using var db = NewDb(database);
        var rule = await db.AutoTranslationRules.SingleAsync(rule => rule.Id == id, Ct);
        change(rule);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<Dictionary<string, string>> TriggersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT trigger_name, cron_expression FROM quartz.qrtz_cron_triggers WHERE trigger_group = 'fluxcaption-rules'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var triggers = new Dictionary<string, string>();
        while (await reader.ReadAsync(Ct))
        {
            triggers[reader.GetString(0)] = reader.GetString(1);
        }

        return triggers;
    }
}

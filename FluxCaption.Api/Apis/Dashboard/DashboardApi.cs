using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis.Dashboard;

/// <summary>
/// The Web app's home page in one answer: coverage per library and wanted language, jobs by status, the
/// running jobs, per-day figures over a window of recent days, the slowest and failed jobs of that window
/// and the stage queues. Everything is aggregated by Postgres (and Redis for the queues), so the answer
/// stays fast on a large library with a long job history (see docs/BENCHMARKS.md).
/// </summary>
public static class DashboardApi
{
    public const int DefaultDays = 14;
    public const int MinDays = 1;
    public const int MaxDays = 90;

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetDashboard")
            .WithSummary($"Coverage, jobs by status, running jobs, per-day figures of the last days ({MinDays}-{MaxDays}, default {DefaultDays}), slowest and failed jobs, queues");
        return api;
    }

    public static async Task<Results<Ok<DashboardResponse>, ValidationProblem>> GetAsync(
        FluxCaptionDbContext db,
        RuntimeSettings settings,
        StageQueueStatsReader queues,
        TimeProvider clock,
        CancellationToken cancellationToken,
        int days = DefaultDays)
    {
        if (days is < MinDays or > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["days"] = [$"days must be between {MinDays} and {MaxDays}."],
            });
        }

        var now = clock.GetUtcNow();
        var lastDay = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = lastDay.AddDays(1 - days);
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var rules = await settings.GetCoverageRulesAsync(cancellationToken);
        var libraries = await DashboardCoverage.CountAsync(db, rules, cancellationToken);
        var byStatus = await DashboardJobFigures.ByStatusAsync(db, cancellationToken);
        var running = await DashboardJobFigures.RunningAsync(db, cancellationToken);
        var perDay = await DashboardJobFigures.PerDayAsync(db, firstDay, lastDay, cancellationToken);
        var slowest = await DashboardJobFigures.SlowestAsync(db, from, cancellationToken);
        var failures = await DashboardJobFigures.FailuresAsync(db, from, cancellationToken);

        // The same reading the scheduler samples for its queue metrics: waiting = XLEN - XPENDING.
        var stages = new List<DashboardQueue>();
        foreach (var stage in Enum.GetValues<JobStage>())
        {
            var stats = await queues.ReadAsync(stage);
            stages.Add(new DashboardQueue(RedisKeys.StageName(stats.Stage), stats.Waiting, stats.Pending));
        }

        return TypedResults.Ok(new DashboardResponse(now, days, libraries, byStatus, running, perDay, slowest, failures, stages));
    }
}

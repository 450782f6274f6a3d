using System.Diagnostics.Metrics;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Worker.Scheduling;

/// <summary>
/// Jobs by status (from Postgres) and the backlog of each stage stream (from Redis) as observable
/// gauges. Only the scheduler role runs this: consumers scale out, and every replica reporting the
/// same database-wide counts would multiply them on a dashboard that sums instances (with several
/// schedulers, read the maximum). The figures are sampled every Worker:MetricsInterval and the
/// gauges report the last sample, so a scrape never queries the database or Redis.
/// </summary>
public sealed class OperationalMetricsSampler : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly StageQueueStatsReader _queues;
    private readonly IOptions<WorkerOptions> _options;
    private readonly ILogger<OperationalMetricsSampler> _logger;
    private volatile Sample? _last;

    public OperationalMetricsSampler(
        IMeterFactory meterFactory,
        IServiceScopeFactory scopes,
        StageQueueStatsReader queues,
        IOptions<WorkerOptions> options,
        ILogger<OperationalMetricsSampler> logger)
    {
        _scopes = scopes;
        _queues = queues;
        _options = options;
        _logger = logger;

        // The same Meter instance WorkerTelemetry uses: the factory caches meters by name.
        var meter = meterFactory.Create(WorkerTelemetry.Name);
        meter.CreateObservableGauge("fluxcaption.jobs", ObserveJobs, "{job}", "Jobs by status, sampled from the database by the scheduler");
        meter.CreateObservableGauge("fluxcaption.queue.waiting", () => ObserveQueues(stats => stats.Waiting), "{entry}",
            "Stage stream entries not yet delivered to any consumer");
        meter.CreateObservableGauge("fluxcaption.queue.pending", () => ObserveQueues(stats => stats.Pending), "{entry}",
            "Stage stream entries delivered to a consumer and not yet acknowledged");
        meter.CreateObservableGauge("fluxcaption.queue.oldest_waiting.age", () => ObserveQueues(stats => stats.OldestWaitingAge.TotalSeconds), "s",
            "How long the oldest undelivered entry of a stage stream has waited");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.MetricsInterval);
        do
        {
            try
            {
                _last = await SampleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A missed sample keeps the previous one; Postgres or Redis being away shows on /health.
                _logger.LogWarning(exception, "Sampling job and queue metrics failed; retrying in {Interval}", _options.Value.MetricsInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<Sample> SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        var counts = await db.Jobs.AsNoTracking().GroupBy(job => job.Status)
            .Select(group => new { Status = group.Key, Count = group.LongCount() })
            .ToDictionaryAsync(row => row.Status, row => row.Count, cancellationToken);
        var queues = new List<StageQueueStats>();
        foreach (var stage in Enum.GetValues<JobStage>())
        {
            queues.Add(await _queues.ReadAsync(stage));
        }

        return new Sample(counts, queues);
    }

    // Every status is reported, zeros included, so a status that empties drops to 0 instead of
    // keeping its last value on the dashboard.
    private IEnumerable<Measurement<long>> ObserveJobs() => _last is not { } sample
        ? []
        : Enum.GetValues<JobStatus>().Select(status => new Measurement<long>(
            sample.Jobs.GetValueOrDefault(status),
            new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant())));

    private IEnumerable<Measurement<T>> ObserveQueues<T>(Func<StageQueueStats, T> value)
        where T : struct => _last is not { } sample
        ? []
        : sample.Queues.Select(stats => new Measurement<T>(
            value(stats), new KeyValuePair<string, object?>("stage", RedisKeys.StageName(stats.Stage))));

    private sealed record Sample(IReadOnlyDictionary<JobStatus, long> Jobs, IReadOnlyList<StageQueueStats> Queues);
}

using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Worker;

/// <summary>What this Worker process does, bound from the "Worker" section.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>"consumer", "scheduler" or both, comma separated.</summary>
    [Required]
    public string Roles { get; set; } = "consumer,scheduler";

    /// <summary>The stage queues this process consumes; only stages with a handler belong here. Empty means <see cref="DefaultStages"/>.</summary>
    // No initializer: the binder appends configured array entries to an initial value instead of replacing it.
    public string[] Stages { get; set; } = [];

    public static IReadOnlyList<string> DefaultStages { get; } = ["scan", "asr", "translate", "writeback"];

    /// <summary>Stages run at once per stage queue; speech recognition is memory-hungry, so asr stays at 1 unless raised.</summary>
    public Dictionary<string, int> Concurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["scan"] = 2,
        ["asr"] = 1,
        ["translate"] = 2,
        ["writeback"] = 2,
    };

    /// <summary>Consumer name in the Redis group; unique per process by default.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>How often a consumer looks for idle entries left by dead consumers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TempCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>FluxCaption's temp folder (extracted audio, downloads); files older than <see cref="TempFileMaxAge"/> are deleted.</summary>
    public string TempDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "fluxcaption");

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TempFileMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Scheduler cluster check-in; a node silent for longer than this plus its tolerance is considered dead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SchedulerCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How soon the scheduler tries its database again after a failure, and how often it looks for firings missed
    /// meanwhile (an outage). Unset: a fifth of <see cref="ReaperInterval"/>, between 0.2 s and 5 s, so the reaper
    /// runs within its interval once the database is back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan? SchedulerRetryInterval { get; set; }

    /// <summary>How often the scheduler samples jobs by status and the stage queues for the metrics gauges.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Fills in what binding cannot: the default stages when none are configured, each stage once.</summary>
    public WorkerOptions ApplyDefaults()
    {
        Stages = Stages.Length == 0
            ? [.. DefaultStages]
            : Stages.Select(stage => stage.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return this;
    }

    public TimeSpan ResolveSchedulerRetryInterval() =>
        SchedulerRetryInterval ?? TimeSpan.FromTicks(Math.Clamp(ReaperInterval.Ticks / 5, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(5).Ticks));

    public bool HasRole(string role) =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);

    public int ConcurrencyFor(string stage) => Concurrency.TryGetValue(stage, out var value) && value > 0 ? value : 1;

    public string ResolveConsumerName() => ConsumerName is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";
}

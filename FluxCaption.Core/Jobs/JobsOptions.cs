using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Jobs;

/// <summary>Lease and recovery timings, bound from the "Jobs" section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How long a worker owns a running job without renewing; a dead worker's job is free after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running job's lease is renewed; must be shorter than <see cref="LeaseTtl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A queued job untouched this long with no stream entry is dispatched again by the reaper.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RedispatchAfter { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int DefaultMaxAttempts { get; set; } = 3;
}

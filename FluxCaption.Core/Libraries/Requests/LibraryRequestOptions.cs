using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Libraries.Requests;

/// <summary>How the Api runs accepted library requests, bound from the "LibraryRequests" section.</summary>
public sealed class LibraryRequestOptions
{
    public const string SectionName = "LibraryRequests";

    /// <summary>How often the table is looked at for requests other processes wrote or a dead process left.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim lasts without renewal; a dead process's request is free again after this. Renewed every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "01:00:00")]
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs of one request before it is marked failed with its last error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed requests stay listed this long, then they are deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan FailedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The wait before retry number <paramref name="attempts"/> + 1.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(RetryBackoff.Ticks * Math.Pow(2, doublings), MaxRetryBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

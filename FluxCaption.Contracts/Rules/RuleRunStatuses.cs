namespace FluxCaption.Contracts.Rules;

/// <summary>
/// A rule's last run as the user reads it (<c>lastRunStatus</c>): the run itself (sync, planning) and
/// the jobs it created together, so a run whose every job failed never reads "succeeded".
/// </summary>
public static class RuleRunStatuses
{
    /// <summary>The run is done and some of its jobs are still queued, running or paused.</summary>
    public const string Running = "running";

    /// <summary>The run worked and none of its jobs failed (a run with nothing to do included).</summary>
    public const string Succeeded = "succeeded";

    /// <summary>A library sync or the planning failed, or every finished job of the run failed.</summary>
    public const string Failed = "failed";

    /// <summary>Some of its jobs failed and some succeeded; the counts say how many.</summary>
    public const string PartlyFailed = "partlyFailed";
}

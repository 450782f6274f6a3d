namespace FluxCaption.Core.Jobs;

/// <summary>
/// Where a job is in its life. Succeeded, Failed and Cancelled are terminal: no worker, late batch or
/// reaper ever changes them. Only an explicit retry moves Failed or Cancelled back to Queued for a new attempt.
/// </summary>
public enum JobStatus
{
    Queued,
    Running,
    Paused,
    Succeeded,
    Failed,
    Cancelled,
}

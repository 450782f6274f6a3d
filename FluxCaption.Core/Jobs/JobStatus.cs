namespace FluxCaption.Core.Jobs;

/// <summary>Where a job is in its life. Succeeded, Failed and Cancelled are terminal and never overwritten.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Paused,
    Succeeded,
    Failed,
    Cancelled,
}

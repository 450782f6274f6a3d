namespace FluxCaption.Contracts.Jobs;

/// <summary>Event type names on the timeline and the live stream.</summary>
public static class JobEventTypes
{
    public const string Created = "job.created";
    public const string Started = "job.started";
    public const string Progress = "job.progress";
    public const string Succeeded = "job.succeeded";
    public const string Failed = "job.failed";
    public const string Requeued = "job.requeued";
    public const string CancelRequested = "job.cancel_requested";
    public const string Cancelled = "job.cancelled";
    public const string PauseRequested = "job.pause_requested";
    public const string Paused = "job.paused";
    public const string Resumed = "job.resumed";
    public const string Retried = "job.retried";
    public const string DeadLettered = "job.dead_lettered";
    public const string StageChanged = "job.stage_changed";
    public const string Waiting = "job.waiting";

    /// <summary>A fallback engine translated lines the job's engine could not (once per engine and attempt; every line has its warning).</summary>
    public const string FallbackEngine = "job.fallback_engine";
}

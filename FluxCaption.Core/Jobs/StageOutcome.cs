namespace FluxCaption.Core.Jobs;

/// <summary>What became of one stage delivery.</summary>
public enum StageOutcome
{
    Succeeded,
    Failed,
    Cancelled,
    Paused,
    Requeued,
    Skipped,
    LeaseLost,
    DeadLettered,

    /// <summary>The stage is done and the job was dispatched to its next stage.</summary>
    Advanced,

    /// <summary>The stage is done and the job waits in a stage no worker can run yet.</summary>
    Waiting,
}

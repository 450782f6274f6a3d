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
}

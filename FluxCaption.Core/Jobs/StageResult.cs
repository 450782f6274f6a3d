namespace FluxCaption.Core.Jobs;

/// <summary>What a stage handler committed for its job.</summary>
public enum StageResultKind
{
    /// <summary>The job succeeded.</summary>
    Completed,

    /// <summary>The job moved to <see cref="StageResult.Next"/> and is queued there; it must be dispatched.</summary>
    Advanced,

    /// <summary>The job moved to <see cref="StageResult.Next"/> and waits there (no worker can run it yet); nothing is dispatched.</summary>
    Waiting,

    /// <summary>The stage's work is committed, but a pause request stopped the job before its next stage.</summary>
    Paused,

    /// <summary>The final write was refused: a cancel arrived meanwhile, or the lease is gone.</summary>
    Refused,

    /// <summary>The job turned out to have nothing to do and ended cancelled with <see cref="StageResult.Reason"/> as its error.</summary>
    NotNeeded,
}

public sealed record StageResult(StageResultKind Kind, JobStage? Next = null, string? WaitReason = null)
{
    /// <summary>Why the job was not needed (for <see cref="StageResultKind.NotNeeded"/>).</summary>
    public string? Reason { get; init; }

    public static StageResult NotNeeded(string reason) => new(StageResultKind.NotNeeded) { Reason = reason };

    public static StageResult Completed { get; } = new(StageResultKind.Completed);

    public static StageResult Refused { get; } = new(StageResultKind.Refused);

    /// <summary>The result of <see cref="JobStateStore.AdvanceAsync"/>: the status it wrote decides the kind.</summary>
    public static StageResult FromAdvance(JobStatus? written, JobStage next, string? waitReason) => written switch
    {
        JobStatus.Queued when waitReason is not null => new StageResult(StageResultKind.Waiting, next, waitReason),
        JobStatus.Queued => new StageResult(StageResultKind.Advanced, next),
        JobStatus.Paused => new StageResult(StageResultKind.Paused, next),
        _ => Refused,
    };
}

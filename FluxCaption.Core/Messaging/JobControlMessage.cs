namespace FluxCaption.Core.Messaging;

public enum JobControlAction
{
    Cancel,
    Pause,
}

/// <summary>A control signal for running workers: stop this job's stage now.</summary>
public sealed record JobControlMessage(Guid JobId, JobControlAction Action);

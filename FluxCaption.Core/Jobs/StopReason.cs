namespace FluxCaption.Core.Jobs;

/// <summary>Why a running stage's token fired.</summary>
public enum StopReason
{
    Cancel,
    Pause,
    LeaseLost,
}

namespace FluxCaption.Core.Jobs;

/// <summary>This worker no longer holds the job: stop without touching it.</summary>
public sealed class LeaseLostException(Guid jobId) : Exception($"The lease on job {jobId} was lost.");

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The job operations the Api offers. Creating a job writes the rows, then dispatches it to its
/// stage stream; control operations change the row first and then signal running workers.
/// </summary>
public interface IJobService
{
    Task<Job> CreateTranslationJobAsync(NewTranslationJob request, CancellationToken cancellationToken);

    Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<JobPage> ListAsync(JobStatus? status, int page, int pageSize, CancellationToken cancellationToken);

    Task<JobControlOutcome> CancelAsync(Guid id, CancellationToken cancellationToken);

    Task<JobControlOutcome> PauseAsync(Guid id, CancellationToken cancellationToken);

    Task<JobControlOutcome> ResumeAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a failed or cancelled job again from its checkpoint. With <paramref name="retranslateKept"/> the
    /// lines kept in the source language (in the checkpoint or the translation memory) are asked for again.
    /// </summary>
    Task<JobControlOutcome> RetryAsync(Guid id, bool retranslateKept, CancellationToken cancellationToken);

    /// <summary>The translated file of a succeeded job; null when the job does not exist.</summary>
    Task<JobResultFile?> GetResultAsync(Guid id, CancellationToken cancellationToken);
}

using FluxCaption.Contracts.Jobs;

namespace FluxCaption.Web.Services;

// The jobs list and a job's timeline; one job, control and the result download live in the main file.
public sealed partial class FluxCaptionApiClient
{
    /// <param name="status">queued, running, paused, succeeded, failed or cancelled; null for all.</param>
    public async Task<JobPageView> ListJobsAsync(string? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = $"api/jobs?page={page}&pageSize={pageSize}";
        if (!string.IsNullOrWhiteSpace(status))
        {
            query += $"&status={Uri.EscapeDataString(status)}";
        }

        using var response = await http.GetAsync(query, cancellationToken);
        return await ReadAsync<JobPageView>(response, cancellationToken);
    }

    /// <summary>One page of the job's timeline, newest event first.</summary>
    public async Task<JobTimelinePage> GetJobTimelineAsync(Guid id, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/jobs/{id}/timeline?page={page}&pageSize={pageSize}", cancellationToken);
        return await ReadAsync<JobTimelinePage>(response, cancellationToken);
    }
}

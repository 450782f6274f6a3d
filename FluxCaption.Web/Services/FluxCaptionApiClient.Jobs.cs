namespace FluxCaption.Web.Services;

// The jobs list; one job, control and the result download live in the main file.
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
}

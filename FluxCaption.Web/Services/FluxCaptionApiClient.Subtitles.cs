using System.Net.Http.Json;
using FluxCaption.Contracts.Subtitles;

namespace FluxCaption.Web.Services;

// The subtitle preview and editor. A version's file streams through /download/subtitles/{id}
// (see ExportDownloadEndpoints) so the Api key stays on the server.
public sealed partial class FluxCaptionApiClient
{
    public async Task<SubtitleDocumentView> GetSubtitleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/subtitles/{id}", cancellationToken);
        return await ReadAsync<SubtitleDocumentView>(response, cancellationToken);
    }

    /// <summary>Every version of the subtitles held for a media item or for a job (exactly one of the two).</summary>
    public async Task<IReadOnlyList<SubtitleVersionSummary>> ListSubtitlesAsync(Guid? itemId, Guid? jobId, CancellationToken cancellationToken = default)
    {
        var query = itemId is { } item ? $"itemId={item}" : $"jobId={jobId}";
        using var response = await http.GetAsync($"api/subtitles?{query}", cancellationToken);
        return await ReadAsync<List<SubtitleVersionSummary>>(response, cancellationToken);
    }

    public async Task<SubtitleDocumentView> SaveSubtitleVersionAsync(Guid id, NewSubtitleVersionRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"api/subtitles/{id}/versions", request, Json, cancellationToken);
        return await ReadAsync<SubtitleDocumentView>(response, cancellationToken);
    }

    public async Task<SubtitleWriteBackResult> WriteBackSubtitleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/subtitles/{id}/writeback", content: null, cancellationToken);
        return await ReadAsync<SubtitleWriteBackResult>(response, cancellationToken);
    }
}

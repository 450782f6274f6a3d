using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluxCaption.Contracts;

namespace FluxCaption.Web.Services;

// Translation memory: browse, count, correct, delete, TMX import. The export streams through
// /download/memory.tmx (see ExportDownloadEndpoints) so the Api key stays on the server.
public sealed partial class FluxCaptionApiClient
{
    public async Task<MemoryPage> ListMemoryAsync(MemoryFilterView filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/memory?{filter.ToQuery()}&page={page}&pageSize={pageSize}", cancellationToken);
        return await ReadAsync<MemoryPage>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<MemoryGroupCount>> CountMemoryAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/memory/counts", cancellationToken);
        return await ReadAsync<List<MemoryGroupCount>>(response, cancellationToken);
    }

    public async Task<MemoryEntry> UpdateMemoryEntryAsync(long id, string target, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/memory/{id}", new MemoryEntryEdit(target), Json, cancellationToken);
        return await ReadAsync<MemoryEntry>(response, cancellationToken);
    }

    public async Task DeleteMemoryEntryAsync(long id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/memory/{id}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Deletes what the filter matches; an empty filter deletes the whole memory.</summary>
    public async Task<MemoryDeleteResult> DeleteMemoryEntriesAsync(MemoryFilterView filter, CancellationToken cancellationToken = default)
    {
        var query = filter.IsEmpty ? "all=true" : filter.ToQuery();
        using var response = await http.DeleteAsync($"api/memory?{query}", cancellationToken);
        return await ReadAsync<MemoryDeleteResult>(response, cancellationToken);
    }

    public async Task<MemoryImportResult> ImportMemoryTmxAsync(Stream tmx, CancellationToken cancellationToken = default)
    {
        using var content = new StreamContent(tmx);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tmx+xml");
        using var response = await http.PostAsync("api/memory/import", content, cancellationToken);
        return await ReadAsync<MemoryImportResult>(response, cancellationToken);
    }

    /// <summary>
    /// Opens an Api download (TMX or CSV export) without buffering it; the caller copies the body on
    /// and disposes the response. Problems surface as <see cref="ApiProblemException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> OpenExportAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

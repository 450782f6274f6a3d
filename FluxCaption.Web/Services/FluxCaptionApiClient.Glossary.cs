using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluxCaption.Contracts;

namespace FluxCaption.Web.Services;

// The global glossary: terms per language pair, and CSV import. The export streams through /download/glossary.csv.
public sealed partial class FluxCaptionApiClient
{
    public async Task<GlossaryPageResponse> ListGlossaryAsync(
        string? sourceLanguage, string? targetLanguage, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/glossary?{GlossaryQuery(sourceLanguage, targetLanguage, search)}&page={page}&pageSize={pageSize}", cancellationToken);
        return await ReadAsync<GlossaryPageResponse>(response, cancellationToken);
    }

    public async Task<GlossaryTermResponse> CreateGlossaryTermAsync(GlossaryTermRequest term, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/glossary", term, Json, cancellationToken);
        return await ReadAsync<GlossaryTermResponse>(response, cancellationToken);
    }

    public async Task<GlossaryTermResponse> UpdateGlossaryTermAsync(long id, GlossaryTermRequest term, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/glossary/{id}", term, Json, cancellationToken);
        return await ReadAsync<GlossaryTermResponse>(response, cancellationToken);
    }

    public async Task DeleteGlossaryTermAsync(long id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/glossary/{id}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Imports CSV; rows without language columns take <paramref name="sourceLanguage"/> and <paramref name="targetLanguage"/>.</summary>
    public async Task<GlossaryImportResponse> ImportGlossaryCsvAsync(
        Stream csv, string? sourceLanguage, string? targetLanguage, CancellationToken cancellationToken = default)
    {
        using var content = new StreamContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await http.PostAsync($"api/glossary/import?{GlossaryQuery(sourceLanguage, targetLanguage, null)}", content, cancellationToken);
        return await ReadAsync<GlossaryImportResponse>(response, cancellationToken);
    }

    public static string GlossaryQuery(string? sourceLanguage, string? targetLanguage, string? search)
    {
        var parts = new List<string>();
        foreach (var (name, value) in new[] { ("sourceLanguage", sourceLanguage), ("targetLanguage", targetLanguage), ("search", search) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        return string.Join('&', parts);
    }
}

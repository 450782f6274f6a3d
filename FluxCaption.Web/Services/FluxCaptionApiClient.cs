using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FluxCaption.Web.Services;

/// <summary>
/// Typed client of the FluxCaption Api. Every non-success answer becomes an <see cref="ApiProblemException"/>.
/// One partial file per area of the Api (jobs here; libraries, items, rules, settings beside it).
/// </summary>
public sealed partial class FluxCaptionApiClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SystemInfoView> GetSystemInfoAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/system/info", cancellationToken);
        return await ReadAsync<SystemInfoView>(response, cancellationToken);
    }

    public async Task<JobView> CreateTranslationJobAsync(TranslationUpload upload, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(upload.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", upload.FileName);
        form.Add(new StringContent(upload.TargetLanguage), "targetLanguage");
        AddIfPresent(form, "sourceLanguage", upload.SourceLanguage);
        AddIfPresent(form, "engine", upload.Engine);
        AddIfPresent(form, "model", upload.Model);
        AddIfPresent(form, "outputFormat", upload.OutputFormat);
        AddIfPresent(form, "glossary", upload.Glossary);
        if (upload.Bilingual)
        {
            form.Add(new StringContent("true"), "bilingual");
        }

        if (upload.Proofread)
        {
            form.Add(new StringContent("true"), "proofread");
        }

        AddIfPresent(form, "fallback", upload.Fallback);

        using var response = await http.PostAsync("api/jobs/translate", form, cancellationToken);
        return await ReadAsync<JobView>(response, cancellationToken);
    }

    public async Task<JobView> GetJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/jobs/{id}", cancellationToken);
        return await ReadAsync<JobView>(response, cancellationToken);
    }

    public async Task<JobView> ControlAsync(Guid id, string action, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/jobs/{id}/{action}", content: null, cancellationToken);
        return await ReadAsync<JobView>(response, cancellationToken);
    }

    public async Task<ResultFile> DownloadResultAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/jobs/{id}/result", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
            ?? $"{id}.srt";
        return new ResultFile(bytes, name, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream");
    }

    private static void AddIfPresent(MultipartFormDataContent form, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            form.Add(new StringContent(value), name);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiProblemException((int)response.StatusCode, "The Api answered with an empty body.", null, new Dictionary<string, string[]>());
    }

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        ProblemBody? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            // Not ProblemDetails (e.g. a proxy's HTML page): fall back to the status line below.
        }

        throw new ApiProblemException(
            status,
            problem?.Title ?? $"The Api answered {status} {response.ReasonPhrase}.",
            problem?.Detail,
            problem?.Errors ?? new Dictionary<string, string[]>());
    }

    private sealed record ProblemBody(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace FluxCaption.AppHost.Llm;

/// <summary>
/// Pulls a model into an Ollama server through its own API (<c>POST /api/pull</c>, streamed JSON lines)
/// and writes the progress to a log: the <c>llm</c> resource's console in the dashboard.
/// </summary>
public sealed class OllamaModelPuller(HttpClient http, ILogger log)
{
    /// <summary>Whether the server already has the model (<c>GET /api/tags</c>; "name" and "name:latest" match).</summary>
    public async Task<bool> HasModelAsync(Uri endpoint, string model, CancellationToken ct)
    {
        var tags = await http.GetFromJsonAsync<TagList>(new Uri(endpoint, "api/tags"), ct).ConfigureAwait(false);
        var wanted = model.Contains(':', StringComparison.Ordinal) ? model : model + ":latest";
        return tags?.Models?.Any(m => string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Name, model, StringComparison.OrdinalIgnoreCase)) == true;
    }

    /// <summary>Pulls the model; true when the server said "success", false (with the reason logged) otherwise.</summary>
    public async Task<PullOutcome> PullAsync(Uri endpoint, string model, CancellationToken ct)
    {
        log.LogInformation("Pulling model {Model} from {Endpoint}", model, endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "api/pull"))
        {
            Content = JsonContent.Create(new { model, stream = true }),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var message = ErrorOf(body) ?? $"HTTP {(int)response.StatusCode}";
            log.LogError("Pulling {Model} failed: {Error}", model, message);
            return PullOutcome.Failed(message);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        var lastReported = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var update = JsonSerializer.Deserialize<PullUpdate>(line);
            if (update is null)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(update.Error))
            {
                log.LogError("Pulling {Model} failed: {Error}", model, update.Error);
                return PullOutcome.Failed(update.Error);
            }

            if (update.Status == "success")
            {
                log.LogInformation("Model {Model} is ready", model);
                return PullOutcome.Succeeded;
            }

            Report(update, lastReported);
        }

        const string cutShort = "the server closed the stream before it said 'success'";
        log.LogError("Pulling {Model} failed: {Error}", model, cutShort);
        return PullOutcome.Failed(cutShort);
    }

    // One line per layer every 10 %, not one per streamed update (Ollama sends several a second).
    private void Report(PullUpdate update, Dictionary<string, int> lastReported)
    {
        if (update is { Total: > 0, Digest: not null })
        {
            var percent = (int)Math.Min(100, (update.Completed ?? 0) * 100 / update.Total.Value);
            var step = percent / 10 * 10;
            if (!lastReported.TryGetValue(update.Digest, out var previous) || step > previous)
            {
                lastReported[update.Digest] = step;
                log.LogInformation("{Status} {Digest}: {Percent} % of {Megabytes:F0} MB",
                    update.Status, ShortDigest(update.Digest), step, update.Total.Value / 1_048_576.0);
            }
        }
        else if (!string.IsNullOrEmpty(update.Status))
        {
            log.LogInformation("{Status}", update.Status);
        }
    }

    private static string ShortDigest(string digest) =>
        digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length > 19 ? digest[7..19] : digest;

    private static string? ErrorOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<PullUpdate>(body)?.Error;
        }
        catch (JsonException)
        {
            return string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        }
    }

    private sealed record PullUpdate(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("digest")] string? Digest,
        [property: JsonPropertyName("total")] long? Total,
        [property: JsonPropertyName("completed")] long? Completed,
        [property: JsonPropertyName("error")] string? Error);

    private sealed record TagList([property: JsonPropertyName("models")] IReadOnlyList<TagEntry>? Models);

    private sealed record TagEntry([property: JsonPropertyName("name")] string Name);
}

public sealed record PullOutcome(bool Success, string? Error)
{
    public static readonly PullOutcome Succeeded = new(true, null);

    public static PullOutcome Failed(string error) => new(false, error);
}

using System.Net.Http.Json;

namespace FluxCaption.Web.Services;

/// <summary>Settings: the Jellyfin connection, coverage rules, the speech engine and the webhook secret.</summary>
public sealed partial class FluxCaptionApiClient
{
    public async Task<JellyfinSettingsView> GetJellyfinSettingsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/settings/jellyfin", cancellationToken);
        return await ReadAsync<JellyfinSettingsView>(response, cancellationToken);
    }

    public async Task<JellyfinSettingsView> SaveJellyfinSettingsAsync(JellyfinSettingsUpdate update, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("api/settings/jellyfin", update, Json, cancellationToken);
        return await ReadAsync<JellyfinSettingsView>(response, cancellationToken);
    }

    /// <summary>Tests the given values; whatever is null or blank falls back to the stored ones.</summary>
    public async Task<JellyfinTestView> TestJellyfinConnectionAsync(string? url, string? apiKey, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/settings/jellyfin/test", new JellyfinSettingsUpdate(url, apiKey), Json, cancellationToken);
        return await ReadAsync<JellyfinTestView>(response, cancellationToken);
    }

    public async Task<CoverageSettingsView> GetCoverageSettingsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/settings/coverage", cancellationToken);
        return await ReadAsync<CoverageSettingsView>(response, cancellationToken);
    }

    public async Task<CoverageSettingsView> SaveCoverageSettingsAsync(CoverageSettingsView coverage, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("api/settings/coverage", coverage, Json, cancellationToken);
        return await ReadAsync<CoverageSettingsView>(response, cancellationToken);
    }

    public async Task<SpeechSettingsView> GetSpeechSettingsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/settings/speech", cancellationToken);
        return await ReadAsync<SpeechSettingsView>(response, cancellationToken);
    }

    public async Task<SpeechSettingsView> SaveSpeechSettingsAsync(SpeechSettingsUpdate update, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("api/settings/speech", update, Json, cancellationToken);
        return await ReadAsync<SpeechSettingsView>(response, cancellationToken);
    }

    public async Task<WebhookSettingsView> GetWebhookSettingsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/settings/webhook", cancellationToken);
        return await ReadAsync<WebhookSettingsView>(response, cancellationToken);
    }

    /// <summary>A new secret; the answer is the only time it can be read, and the old one stops working at once.</summary>
    public async Task<WebhookSettingsView> RotateWebhookSecretAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync("api/settings/webhook/rotate", content: null, cancellationToken);
        return await ReadAsync<WebhookSettingsView>(response, cancellationToken);
    }
}

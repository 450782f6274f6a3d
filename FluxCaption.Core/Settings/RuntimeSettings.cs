using System.Security.Cryptography;
using System.Text.Json;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Jellyfin;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Settings;

/// <summary>
/// The typed, runtime-editable settings shared by Api and Worker: Jellyfin connection, coverage
/// rules, the speech engine, the default Ollama model and the webhook secret. Every call reads the database, so a change applies at once everywhere.
/// </summary>
public sealed class RuntimeSettings(SettingsStore store, IOptionsMonitor<CoverageRules> coverageDefaults)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JellyfinSettings> GetJellyfinAsync(CancellationToken cancellationToken)
    {
        var url = await store.GetAsync(SettingKeys.JellyfinBaseUrl, cancellationToken);
        var isKeySet = await store.IsSetAsync(SettingKeys.JellyfinApiKey, cancellationToken);
        return new JellyfinSettings(Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null, isKeySet);
    }

    /// <summary>The connection with its decrypted key; null until both the URL and the key are set.</summary>
    public async Task<JellyfinConnection?> GetJellyfinConnectionAsync(CancellationToken cancellationToken)
    {
        var values = await store.GetManyAsync([SettingKeys.JellyfinBaseUrl, SettingKeys.JellyfinApiKey], cancellationToken);
        var url = values.GetValueOrDefault(SettingKeys.JellyfinBaseUrl);
        var key = values.GetValueOrDefault(SettingKeys.JellyfinApiKey);
        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && !string.IsNullOrEmpty(key)
            ? new JellyfinConnection(parsed, key)
            : null;
    }

    /// <summary>Saves the URL and, when <paramref name="apiKey"/> is given, the key; null keeps the stored key.</summary>
    public async Task SaveJellyfinAsync(Uri baseUrl, string? apiKey, CancellationToken cancellationToken)
    {
        await store.SetAsync(SettingKeys.JellyfinBaseUrl, baseUrl.ToString(), secret: false, cancellationToken);
        if (apiKey is not null)
        {
            await store.SetAsync(SettingKeys.JellyfinApiKey, apiKey, secret: true, cancellationToken);
        }
    }

    /// <summary>The device id FluxCaption presents to Jellyfin: made once, then the same for every process.</summary>
    public Task<string> GetJellyfinDeviceIdAsync(CancellationToken cancellationToken) =>
        store.GetOrCreateAsync(SettingKeys.JellyfinDeviceId, () => Guid.NewGuid().ToString("N"), secret: false, cancellationToken);

    /// <summary>The stored coverage rules, or the configured defaults (section "Coverage") when none were saved.</summary>
    public async Task<CoverageRules> GetCoverageRulesAsync(CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(SettingKeys.Coverage, cancellationToken);
        return (string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<CoverageRules>(json, Json)) ?? coverageDefaults.CurrentValue;
    }

    public Task SaveCoverageRulesAsync(CoverageRules rules, CancellationToken cancellationToken) =>
        store.SetAsync(SettingKeys.Coverage, JsonSerializer.Serialize(rules, Json), secret: false, cancellationToken);

    /// <summary>The speech engine and model chosen in the settings; null when none was saved (the configuration decides).</summary>
    public async Task<SpeechChoice?> GetSpeechChoiceAsync(CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(SettingKeys.Speech, cancellationToken);
        return string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SpeechChoice>(json, Json);
    }

    public Task SaveSpeechChoiceAsync(SpeechChoice choice, CancellationToken cancellationToken) =>
        store.SetAsync(SettingKeys.Speech, JsonSerializer.Serialize(choice, Json), secret: false, cancellationToken);

    /// <summary>The Ollama model chosen as the default in the settings; null when none was chosen (the configuration decides).</summary>
    public async Task<string?> GetOllamaDefaultModelAsync(CancellationToken cancellationToken)
    {
        var model = await store.GetAsync(SettingKeys.OllamaDefaultModel, cancellationToken);
        return string.IsNullOrWhiteSpace(model) ? null : model.Trim();
    }

    /// <summary>Saves the default Ollama model; null clears the choice so the configured model applies again.</summary>
    public Task SaveOllamaDefaultModelAsync(string? model, CancellationToken cancellationToken) =>
        store.SetAsync(SettingKeys.OllamaDefaultModel, string.IsNullOrWhiteSpace(model) ? null : model.Trim(), secret: false, cancellationToken);

    public Task<bool> IsWebhookSecretSetAsync(CancellationToken cancellationToken) =>
        store.IsSetAsync(SettingKeys.WebhookSecret, cancellationToken);

    /// <summary>The decrypted webhook secret; null until one was generated.</summary>
    public Task<string?> GetWebhookSecretAsync(CancellationToken cancellationToken) =>
        store.GetAsync(SettingKeys.WebhookSecret, cancellationToken);

    /// <summary>Replaces the webhook secret with a new random one and returns it (the only time it is readable).</summary>
    public async Task<string> RotateWebhookSecretAsync(CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await store.SetAsync(SettingKeys.WebhookSecret, secret, secret: true, cancellationToken);
        return secret;
    }

    // 32 random bytes, url-safe so the secret can sit in a query string.
    private static string NewSecret() =>
        "whs_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

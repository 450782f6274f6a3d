namespace FluxCaption.Core.Settings;

/// <summary>The keys of the <c>settings</c> rows that FluxCaption edits at run time.</summary>
public static class SettingKeys
{
    public const string JellyfinBaseUrl = "jellyfin.base_url";
    public const string JellyfinApiKey = "jellyfin.api_key";
    public const string JellyfinDeviceId = "jellyfin.device_id";
    public const string Coverage = "coverage.rules";
    public const string WebhookSecret = "webhook.secret";
    public const string Speech = "speech.engine";
    public const string OllamaDefaultModel = "ollama.default_model";
}

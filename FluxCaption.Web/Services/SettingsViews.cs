namespace FluxCaption.Web.Services;

/// <summary>The Jellyfin connection as the Api shows it: the key only as "is set", never its value.</summary>
public sealed record JellyfinSettingsView(string? Url, bool IsKeySet);

/// <param name="ApiKey">A new key; null keeps the one the Api has stored.</param>
public sealed record JellyfinSettingsUpdate(string? Url, string? ApiKey);

/// <summary>The Api's verdict on a connection test; <see cref="Code"/> is ok, unreachable, unauthorized, not_admin, unsupported_version, not_jellyfin or error.</summary>
public sealed record JellyfinTestView(bool Success, string Code, string Message, string? ServerName, string? Version);

/// <summary>What counts as having subtitles in a language; equivalences read "covering=covered" (zh-Hant=zh-Hans).</summary>
public sealed record CoverageSettingsView(bool ForcedCounts, bool HearingImpairedCounts, bool BitmapCounts, IReadOnlyList<string> Equivalences);

/// <param name="Secret">Only in the answer to a rotation: the one time the secret can be read.</param>
public sealed record WebhookSettingsView(string Url, string Header, bool IsSecretSet, string? Secret);

/// <summary>The speech engine and model; <see cref="Engines"/> says which engines this installation can use.</summary>
public sealed record SpeechSettingsView(string Engine, string? Model, bool IsSaved, IReadOnlyList<SpeechEngineView> Engines);

public sealed record SpeechEngineView(string Name, bool IsConfigured, string Description);

public sealed record SpeechSettingsUpdate(string Engine, string? Model);

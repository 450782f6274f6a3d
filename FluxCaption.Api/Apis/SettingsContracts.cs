namespace FluxCaption.Api.Apis;

/// <summary>The Jellyfin settings as the Api shows them: the key only as "is set".</summary>
public sealed record JellyfinSettingsResponse(string? Url, bool IsKeySet);

/// <param name="ApiKey">A new key; left out (null) keeps the stored one.</param>
public sealed record JellyfinSettingsRequest(string? Url, string? ApiKey);

/// <summary>Values to test; anything left out comes from the stored settings.</summary>
public sealed record JellyfinTestRequest(string? Url, string? ApiKey);

public sealed record JellyfinTestResponse(bool Success, string Code, string Message, string? ServerName, string? Version);

public sealed record CoverageSettingsDto(bool ForcedCounts, bool HearingImpairedCounts, bool BitmapCounts, IReadOnlyList<string> Equivalences);

/// <param name="Url">What to paste into the Jellyfin webhook plugin (the secret goes in the header).</param>
/// <param name="Secret">Only in the answer to a rotation; GET never returns it.</param>
public sealed record WebhookSettingsResponse(string Url, string Header, bool IsSecretSet, string? Secret);

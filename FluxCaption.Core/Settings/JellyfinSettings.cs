namespace FluxCaption.Core.Settings;

/// <summary>The Jellyfin settings as they may be shown: the key only as "is set".</summary>
public sealed record JellyfinSettings(Uri? BaseUrl, bool IsKeySet);

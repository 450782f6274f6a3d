namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>Where the Jellyfin server is and the API key FluxCaption uses with it.</summary>
public sealed record JellyfinConnection(Uri BaseUrl, string ApiKey)
{
    // The key must never reach a log line or an exception message through ToString().
    public override string ToString() => $"JellyfinConnection {{ BaseUrl = {BaseUrl} }}";
}

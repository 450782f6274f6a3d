using System.Reflection;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// The one authorization form every Jellyfin since 10.x accepts: <c>Authorization: MediaBrowser ... Token="..."</c>.
/// 12.0 refuses the legacy headers (X-Emby-Token, Authorization: Emby, api_key=) with 401, so they are never sent.
/// </summary>
internal static class JellyfinAuthorization
{
    public const string HeaderName = "Authorization";

    private static readonly string ClientVersion =
        typeof(JellyfinAuthorization).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public static string HeaderValue(JellyfinOptions options, string token) =>
        $"MediaBrowser Client=\"FluxCaption\", Device=\"{Quote(options.DeviceName)}\", DeviceId=\"{Quote(options.DeviceId)}\", "
        + $"Version=\"{ClientVersion}\", Token=\"{Quote(token)}\"";

    // A quote or comma inside a value would end it early and the server would read a different token.
    private static string Quote(string value) => value.Replace("\"", "", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal);
}

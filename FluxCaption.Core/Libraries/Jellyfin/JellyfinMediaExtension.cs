namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// The extension a downloaded copy keeps, so ffmpeg probes it as the container it is: the one in Jellyfin's
/// path, else the one its Content-Type names (Jellyfin sends the type it derives from the path).
/// </summary>
internal static class JellyfinMediaExtension
{
    private static readonly Dictionary<string, string> ByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/x-matroska"] = ".mkv",
        ["video/webm"] = ".webm",
        ["video/mp4"] = ".mp4",
        ["video/x-m4v"] = ".m4v",
        ["video/quicktime"] = ".mov",
        ["video/x-msvideo"] = ".avi",
        ["video/mp2t"] = ".ts",
        ["video/mpeg"] = ".mpg",
        ["video/x-flv"] = ".flv",
        ["video/x-ms-wmv"] = ".wmv",
        ["video/ogg"] = ".ogv",
        ["video/3gpp"] = ".3gp",
    };

    public static string For(string? serverPath, string? contentType)
    {
        // Jellyfin may run on Windows: its path can use either separator.
        var name = serverPath?[(serverPath.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name?.LastIndexOf('.') ?? -1;
        if (name is not null && dot > 0)
        {
            var extension = name[dot..];
            if (extension.Length is >= 2 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit))
            {
                return extension.ToLowerInvariant();
            }
        }

        return contentType is not null && ByContentType.TryGetValue(contentType, out var known) ? known : "";
    }
}

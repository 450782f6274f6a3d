using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// A local item's change tag, "video-sidecars": a hash of the video's size and mtime, then a hash of the
/// sidecars' names, sizes and mtimes. Two halves, so a new sidecar re-reads the sidecars without running
/// ffprobe again; an item whose probe failed carries a suffix that never matches, so it is retried.
/// </summary>
internal static class LocalChangeTag
{
    private const string Unprobed = "-unprobed";

    public static string Of(LocalVideo video, bool probed = true)
    {
        var videoPart = Hash(string.Create(CultureInfo.InvariantCulture, $"{video.Length}|{video.LastWriteTimeUtc.Ticks}"));
        var sidecarPart = Hash(string.Join('\n', video.Sidecars
            .OrderBy(sidecar => sidecar.FileName, StringComparer.Ordinal)
            .Select(sidecar => string.Create(CultureInfo.InvariantCulture, $"{sidecar.FileName}|{sidecar.Length}|{sidecar.LastWriteTimeUtc.Ticks}"))));
        return $"{videoPart}-{sidecarPart}" + (probed ? "" : Unprobed);
    }

    /// <summary>True when both tags were made from the same video file state by a successful probe.</summary>
    public static bool SameVideo(string storedTag, string currentTag) =>
        !storedTag.EndsWith(Unprobed, StringComparison.Ordinal)
        && storedTag.Split('-')[0] == currentTag.Split('-')[0];

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
}

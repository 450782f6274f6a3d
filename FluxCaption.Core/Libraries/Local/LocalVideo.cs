namespace FluxCaption.Core.Libraries.Local;

/// <summary>A video file found under a local root, with the sidecar subtitles beside it.</summary>
/// <param name="LexicalPath">The path through the root as configured (what ids and stored paths use).</param>
/// <param name="RealPath">The same file with links resolved (where IO happens).</param>
/// <param name="DirectoryWriteTimeUtc">The folder's mtime: it moves when a sidecar is added or deleted.</param>
internal sealed record LocalVideo(
    string LexicalPath,
    string RealPath,
    string RelativeId,
    long Length,
    DateTime LastWriteTimeUtc,
    DateTime DirectoryWriteTimeUtc,
    IReadOnlyList<LocalSidecar> Sidecars)
{
    public bool ChangedSince(DateTimeOffset since) =>
        LastWriteTimeUtc >= since.UtcDateTime
        || DirectoryWriteTimeUtc >= since.UtcDateTime
        || Sidecars.Any(sidecar => sidecar.LastWriteTimeUtc >= since.UtcDateTime);
}

/// <summary>A subtitle file beside a video; <see cref="Codec"/> uses ffprobe's names (subrip, ass, webvtt, hdmv_pgs_subtitle...).</summary>
internal sealed record LocalSidecar(string LexicalPath, string FileName, long Length, DateTime LastWriteTimeUtc, string Codec, bool IsText, SidecarName Name);

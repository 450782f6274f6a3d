using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// Walks a local root depth-first in name order: video files, and beside each the sidecars named after it.
/// Hidden entries are skipped; links are followed only when they resolve inside the root (others are
/// skipped with a warning); each real folder is read once, so a link loop ends.
/// </summary>
internal sealed class LocalFolderScanner(ILogger logger)
{
    public static readonly HashSet<string> VideoExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mkv", ".mp4", ".m4v", ".avi", ".mov", ".webm", ".ts", ".m2ts", ".mts", ".wmv", ".mpg", ".mpeg", ".vob", ".flv", ".ogv", ".3gp", ".divx",
    };

    private static readonly Dictionary<string, (string Codec, bool IsText)> SubtitleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".srt"] = ("subrip", true),
        [".ass"] = ("ass", true),
        [".ssa"] = ("ssa", true),
        [".vtt"] = ("webvtt", true),
        [".sup"] = ("hdmv_pgs_subtitle", false),
        [".idx"] = ("dvd_subtitle", false),
    };

    // NAS housekeeping folders that hold thumbnails and deleted files, never a user's videos.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "@eaDir", "#recycle", "#snapshot", "lost+found" };

    private static readonly EnumerationOptions ListOnly = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public IEnumerable<LocalVideo> Walk(string lexicalRoot, string realRoot, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var pending = new Stack<(string Lexical, string Real)>();
        pending.Push((lexicalRoot, realRoot));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lexical, real) = pending.Pop();
            if (!visited.Add(real))
            {
                continue;
            }

            var folder = ReadFolder(lexicalRoot, realRoot, lexical, real);
            foreach (var video in folder.Videos)
            {
                yield return video;
            }

            for (var index = folder.Subfolders.Count - 1; index >= 0; index--)
            {
                pending.Push(folder.Subfolders[index]);
            }
        }
    }

    /// <summary>The videos (with sidecars) and subfolders of one folder, both in ordinal name order.</summary>
    public (List<LocalVideo> Videos, List<(string Lexical, string Real)> Subfolders) ReadFolder(
        string lexicalRoot, string realRoot, string lexicalFolder, string realFolder)
    {
        var folder = new DirectoryInfo(realFolder);
        var files = new List<(string Lexical, FileInfo Info)>();
        var subfolders = new List<(string Lexical, string Real)>();
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos("*", ListOnly).OrderBy(entry => entry.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not list local folder {Folder}", lexicalFolder);
            return ([], []);
        }

        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
            {
                continue;
            }

            var lexical = Path.Combine(lexicalFolder, entry.Name);
            var real = entry.FullName;
            if (entry.LinkTarget is not null)
            {
                var resolved = LocalPaths.RealPath(entry.FullName);
                if (resolved is null)
                {
                    logger.LogWarning("Skipping {Path}: the link leads nowhere (dangling or a loop)", lexical);
                    continue;
                }

                if (!LocalPaths.IsInside(resolved, realRoot))
                {
                    logger.LogWarning("Skipping {Path}: it links to {Target}, outside the local root {Root}", lexical, resolved, lexicalRoot);
                    continue;
                }

                real = resolved;
            }

            if (Directory.Exists(real))
            {
                if (!SkippedFolders.Contains(entry.Name))
                {
                    subfolders.Add((lexical, real));
                }
            }
            else
            {
                files.Add((lexical, new FileInfo(real)));
            }
        }

        return (Videos(lexicalRoot, folder, files), subfolders);
    }

    private static List<LocalVideo> Videos(string lexicalRoot, DirectoryInfo folder, List<(string Lexical, FileInfo Info)> files)
    {
        var videos = files.Where(file => VideoExtensions.Contains(Path.GetExtension(file.Lexical))).ToList();
        var baseNames = videos.Select(video => Path.GetFileNameWithoutExtension(video.Lexical)).ToList();
        var sidecars = videos.Select(_ => new List<LocalSidecar>()).ToList();
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file.Lexical);
            if (!SubtitleExtensions.TryGetValue(extension, out var kind))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(file.Lexical);
            var owner = OwnerOf(stem, baseNames);
            if (owner < 0)
            {
                continue;
            }

            var suffix = stem.Length > baseNames[owner].Length ? stem[(baseNames[owner].Length + 1)..] : "";
            sidecars[owner].Add(new LocalSidecar(file.Lexical, Path.GetFileName(file.Lexical), file.Info.Length,
                file.Info.LastWriteTimeUtc, kind.Codec, kind.IsText, SidecarName.Parse(suffix)));
        }

        return videos.Select((video, index) => new LocalVideo(
            video.Lexical,
            video.Info.FullName,
            LocalPaths.RelativeId(lexicalRoot, video.Lexical),
            video.Info.Length,
            video.Info.LastWriteTimeUtc,
            folder.LastWriteTimeUtc,
            sidecars[index])).ToList();
    }

    // "Movie.Part2.en.srt" belongs to "Movie.Part2.mkv" rather than "Movie.mkv": the longest base name wins.
    private static int OwnerOf(string stem, List<string> baseNames)
    {
        var owner = -1;
        for (var index = 0; index < baseNames.Count; index++)
        {
            var baseName = baseNames[index];
            var matches = stem.Equals(baseName, StringComparison.OrdinalIgnoreCase)
                || (stem.Length > baseName.Length + 1 && stem.StartsWith(baseName, StringComparison.OrdinalIgnoreCase) && stem[baseName.Length] == '.');
            if (matches && (owner < 0 || baseName.Length > baseNames[owner].Length))
            {
                owner = index;
            }
        }

        return owner;
    }
}

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// Path resolution for local roots: every symbolic link along a path is followed to its final target,
/// and the result must stay under the root's own resolved path. "..", absolute paths and links that
/// point elsewhere are refused with <see cref="MediaSourceException"/> code path_outside_root.
/// </summary>
public static class LocalPaths
{
    public const string OutsideRoot = "path_outside_root";

    // A chain of links deeper than this is a loop or an attack, not a library.
    private const int MaxLinkDepth = 32;

    private static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The root as configured, absolute and without a trailing separator (the base of every lexical path).</summary>
    public static string LexicalRoot(string root) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>The path with every link resolved, or null when a part of it does not exist, dangles or loops.</summary>
    public static string? RealPath(string path) => RealPath(path, 0);

    public static bool IsInside(string path, string root) =>
        path.Equals(root, Comparison)
        || (path.StartsWith(root, Comparison) && path.Length > root.Length
            && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar)));

    /// <summary>
    /// Resolves <paramref name="relativePath"/> (an item's external id, forward slashes) under the root: the
    /// lexical path (what the user sees, what ids and stored paths use) and the real path (where IO happens).
    /// Null when the file does not exist; <see cref="MediaSourceException"/> when it lies outside the root.
    /// </summary>
    public static (string Lexical, string Real)? ResolveRelative(string root, string realRoot, string relativePath)
    {
        var platformRelative = relativePath.Replace('/', Path.DirectorySeparatorChar);
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(platformRelative))
        {
            throw Outside(relativePath, root);
        }

        return ResolveFull(root, realRoot, Path.Combine(LexicalRoot(root), platformRelative));
    }

    /// <summary>As <see cref="ResolveRelative"/> for a full path (a sidecar's stored path, our previous write).</summary>
    public static (string Lexical, string Real)? ResolveFull(string root, string realRoot, string fullPath)
    {
        var lexical = Path.GetFullPath(fullPath);
        if (!IsInside(lexical, LexicalRoot(root)) && !IsInside(lexical, realRoot))
        {
            throw Outside(fullPath, root);
        }

        var real = RealPath(lexical);
        if (real is null)
        {
            return null;
        }

        return IsInside(real, realRoot) ? (lexical, real) : throw Outside(fullPath, root);
    }

    /// <summary>Forward-slash path of <paramref name="lexicalPath"/> relative to the root: a local item's external id.</summary>
    public static string RelativeId(string lexicalRoot, string lexicalPath) =>
        Path.GetRelativePath(lexicalRoot, lexicalPath).Replace(Path.DirectorySeparatorChar, '/');

    public static MediaSourceException Outside(string path, string root) =>
        new(OutsideRoot, $"'{path}' is outside the local folder '{root}' (through '..' or a symbolic link): FluxCaption only reads and writes inside its configured roots.");

    private static string? RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var parts = full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.LinkTarget is not null)
            {
                FileSystemInfo? target;
                try
                {
                    target = entry.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return null;
                }

                if (target is null || !target.Exists)
                {
                    return null;
                }

                // The target's own parents may be links too.
                next = RealPath(target.FullName, depth + 1) ?? "";
                if (next.Length == 0)
                {
                    return null;
                }
            }
            else if (!entry.Exists)
            {
                return null;
            }

            current = next;
        }

        return current;
    }
}

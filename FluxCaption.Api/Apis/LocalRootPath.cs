namespace FluxCaption.Api.Apis;

/// <summary>Checks and normalises the folder of a local library root.</summary>
internal static class LocalRootPath
{
    /// <summary>The normalised absolute path (no trailing separator, no <c>..</c>), or null with an error under "path".</summary>
    public static string? Validate(string? path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors["path"] = ["path is required: the absolute path of a folder the Worker can read."];
            return null;
        }

        var trimmed = path.Trim();
        if (!Path.IsPathFullyQualified(trimmed))
        {
            errors["path"] = [$"'{trimmed}' is not an absolute path."];
            return null;
        }

        var normalized = Path.TrimEndingDirectorySeparator(Path.GetFullPath(trimmed));
        if (File.Exists(normalized))
        {
            errors["path"] = [$"'{normalized}' is a file, not a folder."];
            return null;
        }

        if (!Directory.Exists(normalized))
        {
            errors["path"] = [$"'{normalized}' does not exist (or FluxCaption may not read it)."];
            return null;
        }

        return normalized;
    }

    /// <summary>Whether the two roots are the same folder or one lies inside the other.</summary>
    public static bool Overlap(string existing, string candidate) =>
        string.Equals(existing, candidate, StringComparison.Ordinal)
        || IsInside(candidate, existing)
        || IsInside(existing, candidate);

    private static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}

using FluxCaption.Core.Libraries.Local;
using FluxCaption.Core.Media;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Which folders may become a local library. A folder is judged by where it really is: every link along
/// it is followed to its final target first, so a link named "Movies" that leads to /etc is /etc. System
/// folders and FluxCaption's own state and temp folders are refused; with LocalMedia:AllowedRoots set, the
/// folder must also lie under one of them.
/// </summary>
public sealed class LocalRootPolicy(IOptions<LocalMediaOptions> localOptions, IOptions<MediaOptions> mediaOptions, ILogger<LocalRootPolicy> logger)
    : IHostedService
{
    // Never a library, nor anything inside them: the system itself, kernel views, other users' homes.
    private static readonly string[] SystemTrees =
        ["/etc", "/proc", "/sys", "/dev", "/boot", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/root", "/run", "/var/run", "/var/log"];

    // Too broad to be one library (they hold system or other users' data), though folders inside them may be.
    private static readonly string[] SystemFolders = ["/", "/var", "/var/lib", "/home", "/tmp"];

    private static bool UnixSystem => !OperatingSystem.IsWindows();

    /// <summary>
    /// The folder with its links resolved, or null with an error under "path" saying why it is refused.
    /// <paramref name="folder"/> is an absolute, normalised, existing folder (<see cref="LocalRootPath.Validate"/>).
    /// </summary>
    public string? Resolve(string folder, Dictionary<string, string[]> errors)
    {
        var real = LocalPaths.RealPath(folder);
        if (real is null)
        {
            errors["path"] = [$"'{folder}' cannot be resolved: one of its symbolic links dangles or loops."];
            return null;
        }

        var shown = real == folder ? $"'{folder}'" : $"'{folder}' (the symbolic link leads to '{real}')";
        // The system list is of Unix folders; FluxCaption's own folders and the allowed roots hold everywhere.
        var reason = (UnixSystem ? SystemReason(real) : null) ?? OwnReason(real) ?? AllowedRootsReason(real);
        if (reason is not null)
        {
            errors["path"] = [$"{shown} {reason}"];
            return null;
        }

        return real;
    }

    /// <summary>A stored root with its links resolved, as it was when checked; the stored text when it no longer resolves.</summary>
    public static string Real(string stored) => LocalPaths.RealPath(stored) ?? stored;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var roots = localOptions.Value.AllowedRoots.Where(root => !string.IsNullOrWhiteSpace(root)).ToList();
        if (roots.Count == 0)
        {
            logger.LogInformation(
                "LocalMedia:AllowedRoots is empty: any existing folder may become a local library except system folders and FluxCaption's own state and temp folders. Set it to the folders that hold your videos to allow only those.");
        }
        else
        {
            logger.LogInformation("Local libraries may live only under {AllowedRoots} (LocalMedia:AllowedRoots).", string.Join(", ", roots));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? SystemReason(string real)
    {
        foreach (var tree in SystemTrees)
        {
            if (Both(tree).Any(root => LocalPaths.IsInside(real, root)))
            {
                return $"is a system folder (under {tree}): FluxCaption neither reads nor writes there. Choose the folder that holds your videos.";
            }
        }

        foreach (var folder in SystemFolders)
        {
            if (Both(folder).Any(root => string.Equals(real, root, StringComparison.Ordinal)))
            {
                return $"is a system folder ({folder}) and too broad for a library. Choose the folder that holds your videos.";
            }
        }

        return null;
    }

    private string? OwnReason(string real)
    {
        var own = new List<(string Path, string Name)>();
        if (!string.IsNullOrWhiteSpace(localOptions.Value.StateDirectory))
        {
            own.Add((localOptions.Value.StateDirectory, "state folder (API key, secrets, database)"));
        }

        if (!string.IsNullOrWhiteSpace(mediaOptions.Value.TempDirectory))
        {
            own.Add((mediaOptions.Value.TempDirectory, "temp folder"));
        }

        foreach (var (path, name) in own)
        {
            foreach (var root in Both(path))
            {
                if (LocalPaths.IsInside(real, root))
                {
                    return $"is inside FluxCaption's own {name} '{root}': it cannot be a library.";
                }

                if (LocalPaths.IsInside(root, real))
                {
                    return $"holds FluxCaption's own {name} '{root}': a library there would read and write beside the API key and data. Choose a folder beside it.";
                }
            }
        }

        return null;
    }

    private string? AllowedRootsReason(string real)
    {
        var roots = localOptions.Value.AllowedRoots.Where(root => !string.IsNullOrWhiteSpace(root)).ToList();
        if (roots.Count == 0 || roots.Any(root => Both(root).Any(allowed => LocalPaths.IsInside(real, allowed))))
        {
            return null;
        }

        return $"is not under a configured media root (LocalMedia:AllowedRoots: {string.Join(", ", roots)}).";
    }

    // A configured or well-known folder as written and with its own links resolved (/bin may lead to /usr/bin).
    private static IEnumerable<string> Both(string path)
    {
        var lexical = LocalPaths.LexicalRoot(path);
        yield return lexical;
        if (LocalPaths.RealPath(lexical) is { } real && real != lexical)
        {
            yield return real;
        }
    }
}

using FFMpegCore;

namespace FluxCaption.Core.Media;

/// <summary>Finds ffmpeg/ffprobe up front, so a missing install is one clear message instead of a process-start error.</summary>
internal static class MediaTools
{
    public static FFOptions FFOptions(MediaOptions options) => new()
    {
        BinaryFolder = options.BinaryFolder,
        TemporaryFilesFolder = options.TempDirectory,
    };

    public static void EnsureInstalled(MediaOptions options, string tool)
    {
        if (Find(options.BinaryFolder, tool) is null)
        {
            var where = string.IsNullOrWhiteSpace(options.BinaryFolder)
                ? "on PATH"
                : $"in Media:BinaryFolder ({options.BinaryFolder})";
            throw new MediaToolException(MediaToolException.ToolMissing,
                $"{tool} was not found {where}. Install ffmpeg (it provides ffmpeg and ffprobe) or set Media:BinaryFolder.");
        }
    }

    private static string? Find(string binaryFolder, string tool)
    {
        var names = OperatingSystem.IsWindows() ? [tool + ".exe"] : new[] { tool };
        var folders = string.IsNullOrWhiteSpace(binaryFolder)
            ? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [binaryFolder];
        return folders
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}

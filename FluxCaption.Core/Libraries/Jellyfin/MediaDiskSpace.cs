using System.Globalization;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>Refuses a download the temp folder's disk cannot hold, before a byte of it is written.</summary>
internal static class MediaDiskSpace
{
    public static void Ensure(string folder, long size, long reserve, string title)
    {
        var free = FreeSpace(folder);
        if (free - reserve < size)
        {
            throw new MediaSourceException(MediaFileAccessCodes.NotReadable,
                $"Not enough disk space in {folder} to download \"{title}\" from Jellyfin: the file is {Size(size)}, "
                + $"{Size(free)} is free and {Size(reserve)} must stay free (Jellyfin:MediaDownloadReserveBytes). "
                + "Free some space, point the worker's temp folder at a larger disk, or mount the media on the worker's host at the path Jellyfin uses.");
        }
    }

    // On Unix any folder names its file system; Windows wants the drive's root.
    private static long FreeSpace(string folder) =>
        new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(folder)! : folder).AvailableFreeSpace;

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}

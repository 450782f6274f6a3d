using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Jellyfin;

public sealed partial class JellyfinMediaSource
{
    /// <remarks>
    /// Jellyfin often runs in a container or on another machine, so the path it reports may not exist here.
    /// A readable path is used in place (no request); otherwise, unless <see cref="JellyfinOptions.DownloadMediaWhenNotMounted"/>
    /// is off, the original file is downloaded into <paramref name="tempFolder"/> and deleted when the access is disposed.
    /// </remarks>
    public async Task<MediaFileAccess> OpenMediaFileAsync(LibraryEntity library, MediaItemEntity item, string tempFolder, CancellationToken cancellationToken)
    {
        if (IsReadableHere(item.Path))
        {
            return MediaFileAccess.InPlace(item.Path!);
        }

        if (!options.Value.DownloadMediaWhenNotMounted)
        {
            throw new MediaSourceException(MediaFileAccessCodes.NotReadable,
                $"The worker cannot read \"{item.Path}\" and downloading it from Jellyfin is off (Jellyfin:DownloadMediaWhenNotMounted). "
                + "Mount the media on the worker's host at the same path (see docs/jellyfin.md).");
        }

        var fresh = await ReadFreshAsync(item, cancellationToken);

        // The file may have moved since the last sync, to a path this host does see.
        if (!string.Equals(fresh.Path, item.Path, StringComparison.Ordinal) && IsReadableHere(fresh.Path))
        {
            return MediaFileAccess.InPlace(fresh.Path!);
        }

        LogDownloadingMedia(logger, fresh.Id, fresh.Path);
        var copy = await downloader.DownloadAsync(
            new JellyfinMediaFile(fresh.Id, JellyfinItemMapper.MediaSourceId(fresh), fresh.Name ?? item.Title, fresh.Path ?? item.Path),
            tempFolder,
            cancellationToken);
        return MediaFileAccess.TemporaryCopy(copy);
    }

    private static bool IsReadableHere(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Jellyfin item {ItemId} is not readable here at {Path}; downloading a temporary copy")]
    private static partial void LogDownloadingMedia(ILogger logger, string itemId, string? path);
}

namespace FluxCaption.Core.Libraries.Jellyfin;

public sealed partial class JellyfinMediaSource
{
    private const int StaleIndexAttempts = 3;

    /// <summary>
    /// Downloads the stream <paramref name="find"/> picks out of the item, making sure the index still
    /// named that stream when the bytes came. Indexes move whenever anyone adds or removes a subtitle,
    /// and on Jellyfin 12 a stale index answers with another stream's bytes, or with a 500 when it names
    /// no subtitle (seen). So the item is read again after each download: if the stream moved, the
    /// download is repeated at its new index; if it is gone, the caller is told instead of given bytes.
    /// </summary>
    private async Task<StreamDownload> DownloadStreamAsync(
        JellyfinItem fresh, JellyfinMediaStream stream, Func<JellyfinItem, JellyfinMediaStream?> find, string extension, CancellationToken cancellationToken)
    {
        var mediaSourceId = JellyfinItemMapper.MediaSourceId(fresh);
        var index = stream.Index;
        for (var attempt = 1; ; attempt++)
        {
            byte[]? bytes = null;
            MediaSourceException? failure = null;
            try
            {
                bytes = await client.DownloadSubtitleAsync(fresh.Id, mediaSourceId, index, extension, cancellationToken);
            }
            catch (MediaSourceException ex) when (ex.Code is "source_error" or "source_bad_request")
            {
                failure = ex;
            }

            var again = await client.GetItemAsync(fresh.Id, cancellationToken);
            if (again is null)
            {
                return StreamDownload.ItemGone;
            }

            if (find(again) is not { } now)
            {
                return StreamDownload.StreamGone;
            }

            if (now.Index == index)
            {
                // The index held still: these are the stream's bytes, or the failure is really the server's.
                return bytes is not null ? new StreamDownload(bytes) : throw failure!;
            }

            if (attempt == StaleIndexAttempts)
            {
                throw new MediaSourceException("source_error",
                    $"The subtitles of Jellyfin item {fresh.Id} kept changing while FluxCaption read one of them; it will try again later.");
            }

            index = now.Index;
        }
    }

    /// <summary>The bytes of a stream, or why there are none.</summary>
    private sealed record StreamDownload(byte[]? Bytes, bool IsItemGone = false)
    {
        public static readonly StreamDownload ItemGone = new(null, IsItemGone: true);

        public static readonly StreamDownload StreamGone = new((byte[]?)null);
    }
}

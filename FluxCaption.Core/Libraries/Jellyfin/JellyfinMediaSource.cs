using System.Runtime.CompilerServices;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// Jellyfin as a media source: libraries are its virtual folders, items come in pages with their
/// streams, subtitles are downloaded in their own format and written back by upload. Every action on a
/// track re-reads the item first, because Jellyfin renumbers stream indexes after each change.
/// </summary>
public sealed partial class JellyfinMediaSource(
    JellyfinClient client,
    JellyfinMediaDownloader downloader,
    IOptions<JellyfinOptions> options,
    TimeProvider time,
    ILogger<JellyfinMediaSource> logger) : IMediaLibrarySource
{
    public MediaSourceKind Kind => MediaSourceKind.Jellyfin;

    public async Task<IReadOnlyList<DiscoveredLibrary>> ListLibrariesAsync(CancellationToken cancellationToken)
    {
        var folders = await client.GetVirtualFoldersAsync(cancellationToken);
        return [.. folders
            .Where(folder => !string.IsNullOrEmpty(folder.ItemId))
            .Select(folder => new DiscoveredLibrary(folder.ItemId, folder.Name, folder.Locations.FirstOrDefault()))];
    }

    /// <remarks>
    /// Every page carries the server clock of the first page (HTTP <c>Date</c>): it was taken before any
    /// item was read, so an item saved while we page is asked for again next time rather than missed.
    /// </remarks>
    public async IAsyncEnumerable<MediaItemPage> ReadItemsAsync(
        LibraryEntity library, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        DateTimeOffset? serverTime = null;
        for (var start = 0; ; )
        {
            var page = await client.GetItemsAsync(
                new JellyfinItemQuery { ParentId = library.ExternalId, StartIndex = start, Limit = pageSize, MinDateLastSaved = changedSince },
                cancellationToken);
            serverTime ??= page.ServerTime;
            yield return new MediaItemPage(
                [.. page.Items.Select(item => JellyfinItemMapper.ToDiscovered(item, library.ExternalId))],
                serverTime);
            if (page.Items.Count < pageSize)
            {
                yield break;
            }

            start += page.Items.Count;
        }
    }

    public async Task<DiscoveredMediaItem?> ReadItemAsync(LibraryEntity library, string externalId, CancellationToken cancellationToken)
    {
        var item = await client.GetItemAsync(externalId, cancellationToken);
        return item is null ? null : JellyfinItemMapper.ToDiscovered(item, library.ExternalId);
    }

    public async Task<FetchedSubtitle> FetchSubtitleAsync(LibraryEntity library, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken)
    {
        if (track.Kind != MediaTrackKind.Subtitle)
        {
            throw new MediaSourceException("track_not_text", "Only subtitle tracks can be fetched as text; audio needs speech recognition.");
        }

        var fresh = await ReadFreshAsync(item, cancellationToken);
        var stream = JellyfinStreamMatcher.Find(fresh.MediaStreams, track)
            ?? throw new MediaSourceException("track_not_found",
                $"The {track.Language} {track.Codec} subtitle of \"{item.Title}\" is no longer in Jellyfin; sync the library again.");
        if (!stream.IsTextSubtitleStream)
        {
            throw new MediaSourceException("track_not_text",
                $"The {track.Language} subtitle of \"{item.Title}\" is a picture track ({stream.Codec}): it needs OCR, it cannot be downloaded as text.");
        }

        var (extension, format) = JellyfinSubtitleNames.DownloadFormat(stream.Codec);
        var download = await DownloadStreamAsync(fresh, stream, again => JellyfinStreamMatcher.Find(again.MediaStreams, track), extension, cancellationToken);
        var bytes = download.Bytes ?? throw (download.IsItemGone
            ? new MediaSourceException("item_not_found", $"\"{item.Title}\" is no longer in Jellyfin (item {item.ExternalId}).")
            : new MediaSourceException("track_not_found",
                $"The {track.Language} {track.Codec} subtitle of \"{item.Title}\" is no longer in Jellyfin; sync the library again."));
        LogDownloaded(logger, fresh.Id, stream.Index, stream.Codec, extension);
        return new FetchedSubtitle(SubtitleTextDecoder.Decode(bytes).Text, format);
    }

    private async Task<JellyfinItem> ReadFreshAsync(MediaItemEntity item, CancellationToken cancellationToken) =>
        await client.GetItemAsync(item.ExternalId, cancellationToken)
        ?? throw new MediaSourceException("item_not_found", $"\"{item.Title}\" is no longer in Jellyfin (item {item.ExternalId}).");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Downloaded subtitle stream {Index} ({Codec}) of Jellyfin item {ItemId} as {Extension}")]
    private static partial void LogDownloaded(ILogger logger, string itemId, int index, string? codec, string extension);
}

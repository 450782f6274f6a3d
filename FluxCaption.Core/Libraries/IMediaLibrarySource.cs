using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Libraries;

/// <summary>
/// One kind of media source (Jellyfin, local folders) as the sync, acquire and write-back stages
/// see it. Every call reads the source afresh: stream indexes are never trusted from an earlier read.
/// </summary>
public interface IMediaLibrarySource
{
    MediaSourceKind Kind { get; }

    /// <summary>Libraries the source offers now (Jellyfin virtual folders). Local roots are configured, so the local source returns none.</summary>
    Task<IReadOnlyList<DiscoveredLibrary>> ListLibrariesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The library's video items, page by page, so a 10,000-item library never sits in memory at once.
    /// With <paramref name="changedSince"/> only items changed since then (incremental sync).
    /// </summary>
    IAsyncEnumerable<MediaItemPage> ReadItemsAsync(LibraryEntity library, DateTimeOffset? changedSince, CancellationToken cancellationToken);

    /// <summary>One item as it is now (fresh stream indexes); null when it no longer exists.</summary>
    Task<DiscoveredMediaItem?> ReadItemAsync(LibraryEntity library, string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// The text of a subtitle track in the track's own format (sidecar bytes decoded, embedded track
    /// extracted or downloaded). The track is matched on a fresh read by identity (language, codec,
    /// external path, title, flags), never by a stored index.
    /// </summary>
    Task<FetchedSubtitle> FetchSubtitleAsync(LibraryEntity library, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken);

    /// <summary>
    /// The item's media file for a worker to read (speech recognition, OCR of a bitmap track). By default
    /// the file at the item's path, which must be readable here; a source that can serve the file itself
    /// (Jellyfin) fetches a temporary copy into <paramref name="tempFolder"/> when its path is not mounted on this host.
    /// Throws <see cref="MediaSourceException"/> with code <c>media_not_readable</c> when neither works.
    /// </summary>
    Task<MediaFileAccess> OpenMediaFileAsync(LibraryEntity library, MediaItemEntity item, string tempFolder, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(item.Path) || !File.Exists(item.Path))
        {
            throw new MediaSourceException(MediaFileAccessCodes.NotReadable,
                $"The worker cannot read \"{item.Path}\". Mount the media on the worker's host at the same path (see docs/speech.md).");
        }

        return Task.FromResult(MediaFileAccess.InPlace(item.Path));
    }

    /// <summary>
    /// Writes a subtitle where the media server will show it, first removing <see cref="SubtitleWriteRequest.Previous"/>
    /// (our own earlier file for that language) when given. Never overwrites a file FluxCaption did not write.
    /// </summary>
    Task<SubtitleWriteResult> WriteSubtitleAsync(LibraryEntity library, MediaItemEntity item, SubtitleWriteRequest request, CancellationToken cancellationToken);
}

/// <summary>A library as the source lists it.</summary>
public sealed record DiscoveredLibrary(string ExternalId, string Name, string? Path);

/// <param name="ServerTime">The source's clock when the listing started (Jellyfin's <c>Date</c> header), the next incremental sync's watermark.</param>
public sealed record MediaItemPage(IReadOnlyList<DiscoveredMediaItem> Items, DateTimeOffset? ServerTime);

/// <summary>A subtitle track's text and the format it is in.</summary>
public sealed record FetchedSubtitle(string Content, SubtitleFormat Format);

/// <param name="Language">Canonical BCP-47 tag of the subtitle.</param>
/// <param name="Previous">Our earlier write for this item and language, to be replaced.</param>
public sealed record SubtitleWriteRequest(
    string Language,
    SubtitleFormat Format,
    string Content,
    bool IsForced,
    bool IsHearingImpaired,
    WrittenSubtitleEntity? Previous);

/// <param name="Path">Where the file landed (sidecar path, or the uploaded stream's path as the server reports it).</param>
public sealed record SubtitleWriteResult(string? Path, string ContentHash);

/// <summary>Thrown when a source cannot do what was asked (unreachable, refused, track gone); the message is for the user.</summary>
public sealed class MediaSourceException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Machine-readable reason: source_unreachable, source_unauthorized, item_not_found, track_not_found, path_outside_root, write_refused...</summary>
    public string Code { get; } = code;
}

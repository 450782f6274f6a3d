using System.Runtime.CompilerServices;
using FluxCaption.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// Local folders as a media source: a library row with Source=Local is a root (Path) walked for videos
/// and their sidecars, probed with ffprobe, and written to only when its WriteBack flag is set.
/// Unchanged videos (same size and mtime as the stored item) are not probed again.
/// </summary>
public sealed class LocalMediaSource(
    IMediaProbe probe,
    ISubtitleExtractor extractor,
    IKnownMediaItems knownItems,
    IOptions<LocalMediaOptions> options,
    TimeProvider clock,
    ILogger<LocalMediaSource> logger) : IMediaLibrarySource
{
    private readonly LocalFolderScanner _scanner = new(logger);

    public MediaSourceKind Kind => MediaSourceKind.Local;

    public Task<IReadOnlyList<DiscoveredLibrary>> ListLibrariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DiscoveredLibrary>>([]);

    public async IAsyncEnumerable<MediaItemPage> ReadItemsAsync(
        LibraryEntity library, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = LocalRoot.Of(library);
        var serverTime = clock.GetUtcNow();
        var pageSize = options.Value.PageSize;
        var batch = new List<LocalVideo>(pageSize);
        var pages = 0;
        foreach (var video in _scanner.Walk(root.Lexical, root.Real, cancellationToken))
        {
            if (changedSince is { } since && !video.ChangedSince(since))
            {
                continue;
            }

            batch.Add(video);
            if (batch.Count == pageSize)
            {
                yield return new MediaItemPage(await DescribeAsync(library, batch, cancellationToken), serverTime);
                pages++;
                batch = new List<LocalVideo>(pageSize);
            }
        }

        // An empty root still yields one page: the sync takes its watermark from ServerTime.
        if (batch.Count > 0 || pages == 0)
        {
            yield return new MediaItemPage(await DescribeAsync(library, batch, cancellationToken), serverTime);
        }
    }

    public async Task<DiscoveredMediaItem?> ReadItemAsync(LibraryEntity library, string externalId, CancellationToken cancellationToken)
    {
        var video = FindVideo(LocalRoot.Of(library), externalId);
        return video is null ? null : await DescribeAsync(library, video, known: null, cancellationToken);
    }

    public Task<FetchedSubtitle> FetchSubtitleAsync(LibraryEntity library, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken) =>
        new LocalSubtitleReader(probe, extractor).FetchAsync(LocalRoot.Of(library), FindVideo, item, track, cancellationToken);

    public Task<SubtitleWriteResult> WriteSubtitleAsync(LibraryEntity library, MediaItemEntity item, SubtitleWriteRequest request, CancellationToken cancellationToken)
    {
        var root = LocalRoot.Of(library);
        if (!library.WriteBack)
        {
            throw new MediaSourceException(LocalSidecarWriter.WriteRefused,
                $"The local folder '{root.Lexical}' is read-only for FluxCaption. Turn on write-back for this folder to get subtitle files written next to its videos.");
        }

        var video = FindVideo(root, item.ExternalId)
            ?? throw new MediaSourceException("item_not_found", $"'{item.ExternalId}' is no longer in the local folder '{root.Lexical}'.");
        return new LocalSidecarWriter(logger).WriteAsync(root, video, request, cancellationToken);
    }

    private LocalVideo? FindVideo(LocalRoot root, string externalId)
    {
        var resolved = LocalPaths.ResolveRelative(root.Lexical, root.Real, externalId);
        if (resolved is not { } paths || !File.Exists(paths.Real)
            || !LocalFolderScanner.VideoExtensions.Contains(Path.GetExtension(paths.Lexical)))
        {
            return null;
        }

        // The folder is read again for the sidecars beside the video, with the same rules as a walk.
        var lexicalFolder = Path.GetDirectoryName(paths.Lexical)!;
        var realFolder = LocalPaths.RealPath(lexicalFolder)!;
        return _scanner.ReadFolder(root.Lexical, root.Real, lexicalFolder, realFolder).Videos
            .FirstOrDefault(video => video.LexicalPath == paths.Lexical);
    }

    private async Task<IReadOnlyList<DiscoveredMediaItem>> DescribeAsync(LibraryEntity library, List<LocalVideo> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var known = await knownItems.FindAsync(library.Id, batch.Select(video => video.RelativeId).ToList(), cancellationToken);
        var items = new DiscoveredMediaItem[batch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ProbeConcurrency, CancellationToken = cancellationToken },
            async (index, token) => items[index] = await DescribeAsync(library, batch[index], known.GetValueOrDefault(batch[index].RelativeId), token));
        return items;
    }

    private async Task<DiscoveredMediaItem> DescribeAsync(LibraryEntity library, LocalVideo video, KnownMediaItem? known, CancellationToken cancellationToken)
    {
        var tag = LocalChangeTag.Of(video);
        var sidecars = video.Sidecars.Select(ToTrack).ToList();
        if (known is not null && LocalChangeTag.SameVideo(known.ChangeTag, tag))
        {
            var embedded = known.Tracks.Where(track => !track.IsExternal);
            return Item(library, video, known.Runtime, [.. embedded, .. sidecars], tag);
        }

        try
        {
            var probed = await probe.ProbeAsync(video.RealPath, cancellationToken);
            return Item(library, video, probed.Duration, [.. probed.Tracks, .. sidecars], tag);
        }
        catch (MediaToolException exception) when (exception.Code is MediaToolException.UnreadableFile or MediaToolException.TimedOut)
        {
            // Listed (so it is not marked gone) but retried at the next sync: a file still being copied reads as damaged.
            logger.LogWarning("Could not probe {Path}: {Reason}", video.LexicalPath, exception.Message);
            return Item(library, video, null, sidecars, LocalChangeTag.Of(video, probed: false));
        }
    }

    private static DiscoveredMediaItem Item(LibraryEntity library, LocalVideo video, TimeSpan? runtime, IReadOnlyList<MediaTrack> tracks, string tag)
    {
        var title = Path.GetFileNameWithoutExtension(video.LexicalPath);
        var episode = EpisodeName.TryParse(title);
        var libraryId = string.IsNullOrEmpty(library.ExternalId) ? library.Id.ToString() : library.ExternalId;
        // Local files are "Video" (the contract's kind); an episode-looking name only fills the series fields.
        return new DiscoveredMediaItem(MediaSourceKind.Local, video.RelativeId, libraryId, video.LexicalPath, title, "Video", runtime, tracks, tag)
        {
            SeriesName = episode?.Series,
            SeasonNumber = episode?.Season,
            EpisodeNumber = episode?.Episode,
        };
    }

    private static MediaTrack ToTrack(LocalSidecar sidecar) => new()
    {
        Kind = MediaTrackKind.Subtitle,
        Language = sidecar.Name.Language,
        RawLanguage = sidecar.Name.RawLanguage,
        Codec = sidecar.Codec,
        Title = sidecar.Name.Title,
        IsExternal = true,
        Path = sidecar.LexicalPath,
        IsForced = sidecar.Name.IsForced,
        IsHearingImpaired = sidecar.Name.IsHearingImpaired,
        IsDefault = sidecar.Name.IsDefault,
        IsText = sidecar.IsText,
    };
}

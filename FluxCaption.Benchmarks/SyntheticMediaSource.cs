using System.Runtime.CompilerServices;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Benchmarks;

/// <summary>
/// An in-process source of <c>count</c> generated items (one audio and two subtitle tracks each),
/// built page by page so the source itself holds no list of the library. Items whose number is in
/// the changed set carry a newer change tag, an extra track, and are the only ones an incremental
/// listing returns.
/// </summary>
internal sealed class SyntheticMediaSource(int count, int pageSize) : IMediaLibrarySource
{
    private HashSet<int> _changed = [];

    public MediaSourceKind Kind => MediaSourceKind.Jellyfin;

    public DateTimeOffset ServerTime { get; private set; } = DateTimeOffset.UtcNow;

    public void Change(IEnumerable<int> numbers)
    {
        _changed = [.. numbers];
        ServerTime = DateTimeOffset.UtcNow;
    }

    public Task<IReadOnlyList<DiscoveredLibrary>> ListLibrariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DiscoveredLibrary>>([new DiscoveredLibrary("bench", "Benchmark", "/media/bench")]);

    public async IAsyncEnumerable<MediaItemPage> ReadItemsAsync(
        LibraryEntity library, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var numbers = changedSince is null ? Enumerable.Range(0, count) : _changed.Order();
        foreach (var page in numbers.Chunk(pageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new MediaItemPage([.. page.Select(Item)], ServerTime);
        }
    }

    public Task<DiscoveredMediaItem?> ReadItemAsync(LibraryEntity library, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(int.TryParse(externalId.AsSpan(5), out var number) && number < count ? Item(number) : null);

    public Task<FetchedSubtitle> FetchSubtitleAsync(LibraryEntity library, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken) =>
        throw new MediaSourceException("track_not_found", "The sync benchmark serves no subtitle text.");

    public Task<SubtitleWriteResult> WriteSubtitleAsync(LibraryEntity library, MediaItemEntity item, SubtitleWriteRequest request, CancellationToken cancellationToken) =>
        throw new MediaSourceException("write_refused", "The sync benchmark accepts no writes.");

    private DiscoveredMediaItem Item(int number)
    {
        var changed = _changed.Contains(number);
        List<MediaTrack> tracks =
        [
            new() { Kind = MediaTrackKind.Audio, Index = 1, Language = "en", Codec = "aac", IsDefault = true },
            new() { Kind = MediaTrackKind.Subtitle, Index = 2, Language = "en", Codec = "subrip", IsText = true, Title = "English" },
            new() { Kind = MediaTrackKind.Subtitle, Index = 3, Language = number % 3 == 0 ? "fr" : "de", Codec = "hdmv_pgs_subtitle" },
        ];
        if (changed)
        {
            tracks.Add(new MediaTrack { Kind = MediaTrackKind.Subtitle, Language = "es", Codec = "subrip", IsText = true, IsExternal = true, Path = $"/media/bench/item-{number:D6}.es.srt" });
        }

        return new DiscoveredMediaItem(MediaSourceKind.Jellyfin, $"item-{number:D6}", "bench", $"/media/bench/item-{number:D6}.mkv",
            $"Item {number}", "Movie", TimeSpan.FromMinutes(90), tracks, changed ? "v2" : "v1");
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Libraries.Sync;

/// <summary>
/// A media source held in memory for sync, planner and stage tests: items per library with the
/// moment each last changed, subtitle texts per track, and a record of every write. It pages like a
/// server does and can be told to fail, so tests see what the sync and the stages do with a real
/// <see cref="IMediaLibrarySource"/> contract without a server.
/// </summary>
public sealed class InMemoryMediaSource(MediaSourceKind kind = MediaSourceKind.Jellyfin) : IMediaLibrarySource
{
    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FetchedSubtitle> _subtitles = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SubtitleWriteRequest> _writes = new();
    private long _clockTicks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private sealed record Entry(DiscoveredMediaItem Item, DateTimeOffset ChangedAt);

    public MediaSourceKind Kind { get; } = kind;

    public List<DiscoveredLibrary> Libraries { get; } = [];

    public int PageSize { get; set; } = 100;

    /// <summary>When set, listing throws this after <see cref="FailAfterPages"/> pages.</summary>
    public Exception? ListingFailure { get; set; }

    public int FailAfterPages { get; set; }

    /// <summary>How long each page takes to arrive, so a test can overlap two syncs.</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>When set, every write waits here first (a test can hold a write-back in flight).</summary>
    public SemaphoreSlim? WriteGate { get; set; }

    /// <summary>Released when a write reaches <see cref="WriteGate"/>.</summary>
    public SemaphoreSlim WriteStarted { get; } = new(0);

    public IReadOnlyCollection<SubtitleWriteRequest> Writes => _writes;

    private int _pagesRead;

    public int PagesRead => Volatile.Read(ref _pagesRead);

    /// <summary>The server's clock; each change moves it on by a second.</summary>
    public DateTimeOffset Now => new(Interlocked.Read(ref _clockTicks), TimeSpan.Zero);

    public DiscoveredMediaItem? Find(string externalId) => _items.TryGetValue(externalId, out var entry) ? entry.Item : null;

    public void Put(DiscoveredMediaItem item) =>
        _items[item.ExternalId] = new Entry(item, new DateTimeOffset(Interlocked.Add(ref _clockTicks, TimeSpan.TicksPerSecond), TimeSpan.Zero));

    public bool Remove(string externalId) => _items.TryRemove(externalId, out _);

    public void PutSubtitle(string externalId, MediaTrack track, string content, SubtitleFormat format) =>
        _subtitles[SubtitleKey(externalId, track)] = new FetchedSubtitle(content, format);

    public Task<IReadOnlyList<DiscoveredLibrary>> ListLibrariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DiscoveredLibrary>>([.. Libraries]);

    public async IAsyncEnumerable<MediaItemPage> ReadItemsAsync(
        LibraryEntity library, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serverTime = Now;
        var matching = _items.Values
            .Where(entry => entry.Item.LibraryId == library.ExternalId && (changedSince is null || entry.ChangedAt >= changedSince))
            .OrderBy(entry => entry.Item.ExternalId, StringComparer.Ordinal)
            .Select(entry => entry.Item)
            .ToList();
        var pages = 0;
        foreach (var chunk in matching.Chunk(PageSize).DefaultIfEmpty([]))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ListingFailure is { } failure && pages >= FailAfterPages)
            {
                throw failure;
            }

            pages++;
            Interlocked.Increment(ref _pagesRead);
            await Task.Delay(PageDelay, cancellationToken);
            yield return new MediaItemPage(chunk, serverTime);
        }
    }

    public Task<DiscoveredMediaItem?> ReadItemAsync(LibraryEntity library, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(externalId));

    public Task<FetchedSubtitle> FetchSubtitleAsync(LibraryEntity library, MediaItemEntity item, MediaTrack track, CancellationToken cancellationToken) =>
        _subtitles.TryGetValue(SubtitleKey(item.ExternalId, track), out var subtitle)
            ? Task.FromResult(subtitle)
            : throw new MediaSourceException("track_not_found", $"No {track.Language} track to fetch on {item.ExternalId}.");

    public async Task<SubtitleWriteResult> WriteSubtitleAsync(LibraryEntity library, MediaItemEntity item, SubtitleWriteRequest request, CancellationToken cancellationToken)
    {
        if (WriteGate is { } gate)
        {
            WriteStarted.Release();
            // Like an upload already on the wire, a held write finishes even if the stage is stopped meanwhile.
            await gate.WaitAsync(CancellationToken.None);
        }

        _writes.Enqueue(request);
        var current = Find(item.ExternalId) ?? throw new MediaSourceException("item_not_found", $"{item.ExternalId} is gone.");
        var path = $"{Path.ChangeExtension(current.Path ?? "/media/" + item.ExternalId, null)}.{request.Language}{SubtitleFile.Extension(request.Format)}";
        var kept = current.Tracks.Where(track => request.Previous is null || track.Path != request.Previous.Path).ToList();
        var written = new MediaTrack
        {
            Kind = MediaTrackKind.Subtitle, Language = request.Language, Codec = request.Format == SubtitleFormat.Ass ? "ass" : "subrip",
            IsText = true, IsExternal = true, Path = path,
        };
        Put(current with { Tracks = [.. kept.Where(track => track.Path != path), written], ChangeTag = current.ChangeTag + "+w" });
        _subtitles[SubtitleKey(item.ExternalId, written)] = new FetchedSubtitle(request.Content, request.Format);
        return new SubtitleWriteResult(path, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Content))));
    }

    private static string SubtitleKey(string externalId, MediaTrack track) =>
        $"{externalId}|{track.Language}|{track.IsExternal}|{track.Path}|{track.Title}|{track.IsForced}";
}

using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Local;
using FluxCaption.Core.Media;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Libraries.Local;

/// <summary>
/// One generated mkv (English SRT and forced French ASS inside), made once per test class and copied into
/// each test's own root folder, so every test owns its files.
/// </summary>
public sealed class LocalMediaFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fluxcaption-local-tests-");

    public string Video => Path.Combine(_directory.FullName, "source.mkv");

    public async ValueTask InitializeAsync() =>
        await TestMedia.CreateVideoAsync(Video,
        [
            new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt) { IsDefault = true },
            new TestSubtitleTrack("fre", "ass", TestMedia.SampleAss) { IsForced = true, Title = "Forced" },
        ], seconds: 2);

    /// <summary>A fresh, empty folder under this class's temp folder.</summary>
    public string NewFolder(string name = "root") =>
        Directory.CreateDirectory(Path.Combine(_directory.FullName, $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary>Copies the generated video to <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public string PlaceVideo(string root, string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Video, path);
        return path;
    }

    public static string PlaceFile(string root, string relativePath, string content = TestMedia.SampleSrt)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static LibraryEntity Library(string root, bool writeBack = false) => new()
    {
        Id = Guid.NewGuid(),
        Source = MediaSourceKind.Local,
        ExternalId = "films",
        Name = "Films",
        Path = root,
        WriteBack = writeBack,
    };

    public LocalSourceUnderTest Source(int pageSize = 200) => new(this, pageSize);

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The source with a probe that counts its runs and a memory of what the last sync stored.</summary>
    public sealed class LocalSourceUnderTest
    {
        public LocalSourceUnderTest(LocalMediaFixture fixture, int pageSize)
        {
            var mediaOptions = Options.Create(new MediaOptions { TempDirectory = Path.Combine(fixture._directory.FullName, "temp") });
            Probe = new CountingProbe(new MediaProbe(mediaOptions, NullLogger<MediaProbe>.Instance));
            Source = new LocalMediaSource(Probe, new SubtitleExtractor(mediaOptions, NullLogger<SubtitleExtractor>.Instance), Known,
                Options.Create(new LocalMediaOptions { PageSize = pageSize }), TimeProvider.System, NullLogger<LocalMediaSource>.Instance);
        }

        public CountingProbe Probe { get; }

        public RememberedItems Known { get; } = new();

        public LocalMediaSource Source { get; }

        /// <summary>Reads every page, as a sync would, and remembers the items as a sync would store them.</summary>
        public async Task<List<MediaItemPage>> SyncAsync(LibraryEntity library, DateTimeOffset? changedSince = null)
        {
            var pages = new List<MediaItemPage>();
            await foreach (var page in Source.ReadItemsAsync(library, changedSince, TestContext.Current.CancellationToken))
            {
                pages.Add(page);
                Known.Remember(library, page.Items);
            }

            return pages;
        }

        public async Task<List<DiscoveredMediaItem>> ItemsAsync(LibraryEntity library, DateTimeOffset? changedSince = null) =>
            (await SyncAsync(library, changedSince)).SelectMany(page => page.Items).ToList();
    }

    public sealed class CountingProbe(IMediaProbe inner) : IMediaProbe
    {
        private int _count;

        public int Count => _count;

        public Task<MediaProbeResult> ProbeAsync(string path, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return inner.ProbeAsync(path, cancellationToken);
        }
    }

    public sealed class RememberedItems : IKnownMediaItems
    {
        private readonly Dictionary<(Guid, string), KnownMediaItem> _items = [];

        public void Remember(LibraryEntity library, IEnumerable<DiscoveredMediaItem> items)
        {
            lock (_items)
            {
                foreach (var item in items)
                {
                    _items[(library.Id, item.ExternalId)] = new KnownMediaItem(item.ExternalId, item.ChangeTag, item.Runtime, item.Tracks);
                }
            }
        }

        public Task<IReadOnlyDictionary<string, KnownMediaItem>> FindAsync(Guid libraryId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
        {
            lock (_items)
            {
                IReadOnlyDictionary<string, KnownMediaItem> found = externalIds
                    .Where(id => _items.ContainsKey((libraryId, id)))
                    .ToDictionary(id => id, id => _items[(libraryId, id)]);
                return Task.FromResult(found);
            }
        }
    }
}

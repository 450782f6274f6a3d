using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Libraries.Sync;

/// <summary>Local item ids are paths relative to their root, so two roots can hold the same id.</summary>
public sealed class TwoLocalRootsTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task TwoLocalRootsHoldingTheSameRelativePathKeepOneItemEach()
    {
        var first = Directory.CreateTempSubdirectory("fluxcaption-root-a-");
        var second = Directory.CreateTempSubdirectory("fluxcaption-root-b-");
        try
        {
            var video = await TestMedia.CreateVideoAsync(Path.Combine(first.CreateSubdirectory("Film").FullName, "Film.mkv"),
                [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
            File.Copy(video, Path.Combine(second.CreateSubdirectory("Film").FullName, "Film.mkv"));
            await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
            var libraryA = await AddLocalRootAsync(host, "A", first.FullName);
            var libraryB = await AddLocalRootAsync(host, "B", second.FullName);

            (await host.SyncAsync(libraryA.Id, full: true)).Added.ShouldBe(1);
            (await host.SyncAsync(libraryB.Id, full: true)).Added.ShouldBe(1);
            var again = await host.SyncAsync(libraryA.Id, full: true);

            again.ShouldBe(again with { Seen = 1, Added = 0, Gone = 0 });
            var items = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().OrderBy(item => item.Path).ToListAsync());
            items.Select(item => (item.ExternalId, item.LibraryId, item.GoneAt)).ShouldBe(
            [
                ("Film/Film.mkv", libraryA.Id, (DateTimeOffset?)null),
                ("Film/Film.mkv", libraryB.Id, null),
            ], ignoreOrder: true);
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    private static Task<LibraryEntity> AddLocalRootAsync(LibraryTestHost host, string name, string path) => host.WithDbAsync(async db =>
    {
        var library = new LibraryEntity
        {
            Id = Guid.CreateVersion7(),
            Source = MediaSourceKind.Local,
            ExternalId = Guid.NewGuid().ToString("N"),
            Name = name,
            Path = path,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library;
    });
}

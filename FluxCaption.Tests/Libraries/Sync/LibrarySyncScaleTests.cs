using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Libraries.Sync;

public sealed class LibrarySyncScaleTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ThreeThousandItemsSyncInFullAndThenIncrementallyWithExactCounts()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.PageSize = 500;
        for (var number = 0; number < 3000; number++)
        {
            host.Source.Put(SampleItems.Movie($"item-{number:D5}", "big", SampleItems.TextSubtitle(number % 2 == 0 ? "en" : "fr")));
        }

        var library = await host.AddLibraryAsync("big");

        var full = await host.SyncAsync(library.Id, full: true);
        for (var number = 0; number < 3000; number += 100)
        {
            var item = host.Source.Find($"item-{number:D5}")!;
            host.Source.Put(item with { ChangeTag = "v2", Tracks = [.. item.Tracks, SampleItems.TextSubtitle("de")] });
        }

        var incremental = await host.SyncAsync(library.Id, full: false);
        var again = await host.SyncAsync(library.Id, full: true);

        full.ShouldBe(full with { Seen = 3000, Added = 3000, Updated = 0, Unchanged = 0, Gone = 0 });
        // The watermark is inclusive, so the item saved at that very second may come again, unchanged.
        incremental.ShouldBe(incremental with { Added = 0, Updated = 30, Gone = 0 });
        incremental.Unchanged.ShouldBeLessThanOrEqualTo(1);
        again.ShouldBe(again with { Seen = 3000, Added = 0, Updated = 0, Unchanged = 3000, Gone = 0 });
        (await host.WithDbAsync(db => db.MediaItems.CountAsync(item => item.GoneAt == null))).ShouldBe(3000);
        var withGerman = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().Where(item => item.ChangeTag == "v2").ToListAsync());
        withGerman.Count.ShouldBe(30);
        withGerman.ShouldAllBe(item => item.Streams.Any(track => track.Language == "de"));
    }
}

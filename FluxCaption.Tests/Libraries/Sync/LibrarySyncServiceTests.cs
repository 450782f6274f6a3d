using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Sync;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Libraries.Sync;

public sealed class LibrarySyncServiceTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AFullSyncStoresEveryItemOfTheLibraryWithItsTracksAndRecordsTheStatus()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.PageSize = 2;
        host.Source.Put(SampleItems.Movie("a", "movies", SampleItems.TextSubtitle("en")));
        host.Source.Put(SampleItems.Movie("b", "movies", SampleItems.TextSubtitle("fr", external: true, path: "/media/movies/b.fr.srt")));
        host.Source.Put(SampleItems.Movie("c", "movies"));
        host.Source.Put(SampleItems.Movie("other", "shows"));
        var library = await host.AddLibraryAsync("movies");

        var summary = await host.SyncAsync(library.Id, full: true);

        summary.ShouldBe(summary with { Seen = 3, Added = 3, Updated = 0, Unchanged = 0, Gone = 0 });
        var items = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().OrderBy(item => item.ExternalId).ToListAsync());
        items.Select(item => item.ExternalId).ShouldBe(["a", "b", "c"]);
        items.ShouldAllBe(item => item.LibraryId == library.Id && item.GoneAt == null && item.Title.StartsWith("Movie "));
        items[1].Streams.Single(track => track.Kind == MediaTrackKind.Subtitle).Path.ShouldBe("/media/movies/b.fr.srt");
        items[0].Streams.Select(track => track.Language).ShouldBe(["en", "en"]);
        var stored = await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id));
        stored.LastSyncStatus.ShouldBe("succeeded");
        stored.LastSyncItemCount.ShouldBe(3);
        stored.LastSyncError.ShouldBeNull();
        stored.LastSyncFinishedAt.ShouldNotBeNull();
        stored.SyncWatermark.ShouldBe(host.Source.Now);
    }

    [Fact]
    public async Task ResyncingUnchangedItemsWritesNothingButTheirLastSeenTime()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Put(SampleItems.Movie("a", "movies"));
        host.Source.Put(SampleItems.Movie("b", "movies"));
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        var before = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().OrderBy(item => item.ExternalId).ToListAsync());
        host.Source.Put(SampleItems.Movie("b", "movies", SampleItems.TextSubtitle("de")) with { ChangeTag = "v2" });

        var summary = await host.SyncAsync(library.Id, full: true);

        summary.ShouldBe(summary with { Seen = 2, Added = 0, Updated = 1, Unchanged = 1, Gone = 0 });
        var after = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().OrderBy(item => item.ExternalId).ToListAsync());
        after.Select(item => item.Id).ShouldBe(before.Select(item => item.Id));
        after.Select(item => item.FirstSeenAt).ShouldBe(before.Select(item => item.FirstSeenAt));
        after[0].LastSeenAt.ShouldBeGreaterThan(before[0].LastSeenAt);
        after[0].UpdatedAt.ShouldBe(before[0].UpdatedAt);
        after[1].ChangeTag.ShouldBe("v2");
        after[1].Streams.ShouldContain(track => track.Language == "de" && track.Kind == MediaTrackKind.Subtitle);
    }

    [Fact]
    public async Task AFullSyncMarksAVanishedItemGoneWithoutDeletingItAndItsReturnClearsTheMark()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Put(SampleItems.Movie("stays", "movies"));
        host.Source.Put(SampleItems.Movie("leaves", "movies"));
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        var leaving = host.Source.Find("leaves")!;
        host.Source.Remove("leaves");

        var summary = await host.SyncAsync(library.Id, full: true);

        summary.Gone.ShouldBe(1);
        var gone = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(item => item.ExternalId == "leaves"));
        gone.GoneAt.ShouldNotBeNull();
        (await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id))).LastSyncItemCount.ShouldBe(1);

        host.Source.Put(leaving);
        await host.SyncAsync(library.Id, full: true);

        var back = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(item => item.ExternalId == "leaves"));
        back.Id.ShouldBe(gone.Id);
        back.GoneAt.ShouldBeNull();
        back.FirstSeenAt.ShouldBe(gone.FirstSeenAt);
    }

    [Fact]
    public async Task AnIncrementalSyncReadsOnlyWhatChangedSinceTheWatermarkAndMarksNothingGone()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Put(SampleItems.Movie("old", "movies"));
        host.Source.Put(SampleItems.Movie("removed", "movies"));
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        host.Source.Remove("removed");
        host.Source.Put(SampleItems.Movie("new", "movies"));

        var summary = await host.SyncAsync(library.Id, full: false);

        summary.ShouldBe(summary with { Full = false, Seen = 1, Added = 1, Gone = 0 });
        var items = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().ToListAsync());
        items.Select(item => item.ExternalId).Order().ShouldBe(["new", "old", "removed"]);
        items.ShouldAllBe(item => item.GoneAt == null);
        (await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id))).SyncWatermark.ShouldBe(host.Source.Now);
    }

    [Fact]
    public async Task AFailingSourceLeavesTheLibraryFailedWithTheSourcesMessageAndLosesNothing()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.PageSize = 1;
        host.Source.Put(SampleItems.Movie("a", "movies"));
        host.Source.Put(SampleItems.Movie("b", "movies"));
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        var watermark = (await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id))).SyncWatermark;
        host.Source.ListingFailure = new MediaSourceException("source_unreachable", "Jellyfin at http://media:8096 did not answer.");
        host.Source.FailAfterPages = 1;

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.SyncAsync(library.Id, full: true));

        error.Code.ShouldBe("source_unreachable");
        var stored = await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id));
        stored.LastSyncStatus.ShouldBe("failed");
        stored.LastSyncError.ShouldBe("Jellyfin at http://media:8096 did not answer.");
        stored.SyncWatermark.ShouldBe(watermark);
        var items = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().ToListAsync());
        items.Count.ShouldBe(2);
        items.ShouldAllBe(item => item.GoneAt == null);
    }

    [Fact]
    public async Task TwoSyncsOfOneLibraryAtOnceRunOneAfterTheOtherNeverInterleaved()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.PageSize = 1;
        host.Source.PageDelay = TimeSpan.FromMilliseconds(150);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            host.Source.Put(SampleItems.Movie(id, "movies"));
        }

        var library = await host.AddLibraryAsync("movies");

        var first = host.SyncAsync(library.Id, full: true);
        // Under way (reading pages, so holding the library's lock) rather than a guessed delay: on a
        // loaded machine 100 ms was not always enough for the first sync to begin.
        while (host.Source.PagesRead == 0 && !first.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var second = await Should.ThrowAsync<LibrarySyncAlreadyRunningException>(() => host.SyncAsync(library.Id, full: true));
        var summary = await first;

        second.LibraryId.ShouldBe(library.Id);
        summary.Added.ShouldBe(4);
        (await host.WithDbAsync(db => db.MediaItems.CountAsync())).ShouldBe(4);
        (await host.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(row => row.Id == library.Id))).LastSyncStatus.ShouldBe("succeeded");
        (await host.SyncAsync(library.Id, full: true)).Unchanged.ShouldBe(4);
    }

    [Fact]
    public async Task ATrackAtThePathOfOurWriteBackIsMarkedAsProducedByFluxCaptionAndAHumanTrackIsNot()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Put(SampleItems.Movie("a", "movies", SampleItems.TextSubtitle("en", external: true, path: "/media/movies/a.en.srt")));
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        var item = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync());
        await host.WithDbAsync(async db =>
        {
            db.WrittenSubtitles.Add(new WrittenSubtitleEntity
            {
                Id = Guid.CreateVersion7(), MediaItemId = item.Id, JobId = Guid.NewGuid(), Language = "es", Format = "srt",
                Path = "/media/movies/a.es.srt", ContentHash = "abc", WrittenAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        host.Source.Put(SampleItems.Movie("a", "movies",
            SampleItems.TextSubtitle("en", external: true, path: "/media/movies/a.en.srt"),
            SampleItems.TextSubtitle("es", external: true, path: "/media/movies/a.es.srt")) with { ChangeTag = "v2" });

        await host.SyncAsync(library.Id, full: true);

        var streams = (await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync())).Streams;
        streams.Single(track => track.Language == "es").ProducedByFluxCaption.ShouldBeTrue();
        streams.Single(track => track.Kind == MediaTrackKind.Subtitle && track.Language == "en").ProducedByFluxCaption.ShouldBeFalse();
    }

    [Fact]
    public async Task SyncingOneItemByItsIdStoresItInItsLibraryAndAnUnknownIdStoresNothing()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        await host.AddLibraryAsync("movies");
        var shows = await host.AddLibraryAsync("shows");
        host.Source.Put(SampleItems.Movie("episode-1", "shows"));

        var id = await host.WithScopeAsync(services =>
            services.GetRequiredService<ILibrarySyncService>().SyncItemAsync(MediaSourceKind.Jellyfin, "episode-1", CancellationToken.None));
        var unknown = await host.WithScopeAsync(services =>
            services.GetRequiredService<ILibrarySyncService>().SyncItemAsync(MediaSourceKind.Jellyfin, "nope", CancellationToken.None));

        unknown.ShouldBeNull();
        var item = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync());
        item.Id.ShouldBe(id!.Value);
        item.LibraryId.ShouldBe(shows.Id);
        item.ExternalId.ShouldBe("episode-1");
    }

    [Fact]
    public async Task RefreshingLibrariesAddsNewOnesAndRenamesKnownOnesWithoutDuplicates()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Libraries.Add(new DiscoveredLibrary("lib-1", "Movies", "/media/movies"));
        var refresh = () => host.WithScopeAsync(services => services.GetRequiredService<ILibrarySyncService>().RefreshLibrariesAsync(CancellationToken.None));
        var first = await refresh();
        host.Source.Libraries[0] = new DiscoveredLibrary("lib-1", "Films", "/media/films");
        host.Source.Libraries.Add(new DiscoveredLibrary("lib-2", "Shows", null));

        await refresh();

        var libraries = await host.WithDbAsync(db => db.Libraries.AsNoTracking().OrderBy(row => row.ExternalId).ToListAsync());
        libraries.Select(row => (row.ExternalId, row.Name, row.Path)).ShouldBe([("lib-1", "Films", "/media/films"), ("lib-2", "Shows", (string?)null)]);
        libraries[0].Id.ShouldBe(first.Single().Id);
        libraries.ShouldAllBe(row => row.Source == MediaSourceKind.Jellyfin);
    }
}

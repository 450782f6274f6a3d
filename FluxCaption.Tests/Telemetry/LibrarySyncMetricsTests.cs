using System.Diagnostics.Metrics;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Telemetry;

/// <summary>Each sync shows on the dashboard with how long it took and how many items it read, by source and kind.</summary>
public sealed class LibrarySyncMetricsTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AFullAndAnIncrementalSyncRecordTheirDurationAndItemCounts()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        using var recorded = new RecordedMeasurements(host.Services.GetRequiredService<IMeterFactory>(), LibrariesTelemetry.Name);
        host.Source.Put(SampleItems.Movie("a", "movies"));
        host.Source.Put(SampleItems.Movie("b", "movies"));
        host.Source.Put(SampleItems.Movie("c", "movies"));
        var library = await host.AddLibraryAsync("movies");
        var source = host.Source.Kind.ToString().ToLowerInvariant();

        var full = await host.SyncAsync(library.Id, full: true);
        host.Source.Put(SampleItems.Movie("d", "movies"));
        var incremental = await host.SyncAsync(library.Id, full: false);

        var fullItems = recorded.Of("fluxcaption.library.sync.items", ("source", source), ("kind", "full")).ShouldHaveSingleItem();
        fullItems.Value.ShouldBe(3);
        var incrementalItems = recorded.Of("fluxcaption.library.sync.items", ("source", source), ("kind", "incremental")).ShouldHaveSingleItem();
        incrementalItems.Value.ShouldBe(incremental.Seen);
        var duration = recorded.Of("fluxcaption.library.sync.duration", ("source", source), ("kind", "full"), ("outcome", "succeeded")).ShouldHaveSingleItem();
        duration.Value.ShouldBe(full.Duration.TotalSeconds, tolerance: 0.5);
        recorded.Of("fluxcaption.library.sync.duration", ("kind", "incremental"), ("outcome", "succeeded")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AFailedSyncRecordsItsDurationAsFailedAndNoItemCount()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        using var recorded = new RecordedMeasurements(host.Services.GetRequiredService<IMeterFactory>(), LibrariesTelemetry.Name);
        host.Source.Put(SampleItems.Movie("a", "movies"));
        host.Source.ListingFailure = new MediaSourceException("source_unreachable", "The server did not answer.");
        var library = await host.AddLibraryAsync("movies");

        await Should.ThrowAsync<MediaSourceException>(() => host.SyncAsync(library.Id, full: true));

        recorded.Of("fluxcaption.library.sync.duration", ("kind", "full"), ("outcome", "failed")).Count.ShouldBe(1);
        recorded.Of("fluxcaption.library.sync.items").ShouldBeEmpty();
    }
}

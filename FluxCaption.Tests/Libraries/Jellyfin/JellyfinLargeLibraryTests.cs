using System.Diagnostics;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinLargeLibraryTests(ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenThousandItemsArriveInPagesOf500AndAnIncrementalReadReturnsOnlyTheOnePercentChanged()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        var items = host.Server.AddSyntheticItems(host.Library, 10_000);
        await Task.Delay(TimeSpan.FromSeconds(1.1), Cancel);

        var clock = Stopwatch.StartNew();
        var (pages, count, watermark) = await ReadAsync(host, null);
        var fullTime = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1.1), Cancel);
        host.Server.Touch(items.Where((_, index) => index % 100 == 7).Select(item => item.Id));
        clock.Restart();
        var (_, changed, _) = await ReadAsync(host, watermark);
        var incrementalTime = clock.Elapsed;

        // Without a total count (skipped: it is expensive on big libraries) a full last page needs one empty page to end.
        (pages, count).ShouldBe((21, 10_000));
        changed.ShouldBe(100);
        output.WriteLine($"full read {fullTime.TotalSeconds:0.00} s, incremental read {incrementalTime.TotalSeconds:0.00} s");
    }

    // Counts without keeping the items: a sync holds one page at a time.
    private static async Task<(int Pages, int Items, DateTimeOffset? Watermark)> ReadAsync(JellyfinTestHost host, DateTimeOffset? since)
    {
        var (pages, items) = (0, 0);
        DateTimeOffset? watermark = null;
        await foreach (var page in host.Source.ReadItemsAsync(host.LibraryEntity(), since, Cancel))
        {
            pages++;
            items += page.Items.Count;
            watermark ??= page.ServerTime;
        }

        return (pages, items, watermark);
    }
}

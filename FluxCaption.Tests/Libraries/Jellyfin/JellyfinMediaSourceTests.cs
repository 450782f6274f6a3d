using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinMediaSourceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LibrariesAreTheServersVirtualFoldersKeyedByTheirItemId()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);

        var libraries = await host.Source.ListLibrariesAsync(Cancel);

        libraries.ShouldBe([new DiscoveredLibrary(host.Library.ItemId, "Movies", host.Folder.FullName)]);
    }

    [Fact]
    public async Task AnItemsStreamsBecomeNormalisedTracksWithFlagsAndTextOrPicture()
    {
        await using var host = await JellyfinTestHost.StartAsync();

        var movie = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!;

        movie.Source.ShouldBe(MediaSourceKind.Jellyfin);
        movie.Path.ShouldBe(host.Movie.Path);
        movie.Kind.ShouldBe("Movie");
        movie.Runtime!.Value.TotalSeconds.ShouldBe(3, tolerance: 0.2);
        movie.Tracks.Select(t => (t.Kind, t.Language, t.Codec, t.IsExternal, t.IsText)).ShouldBe(
        [
            (MediaTrackKind.Subtitle, "es", "subrip", true, true),
            (MediaTrackKind.Audio, "en", "aac", false, false),
            (MediaTrackKind.Audio, "ja", "aac", false, false),
            (MediaTrackKind.Subtitle, "en", "subrip", false, true),
            (MediaTrackKind.Subtitle, "fr", "ass", false, true),
            (MediaTrackKind.Subtitle, "de", "webvtt", false, true),
            (MediaTrackKind.Subtitle, "es", "hdmv_pgs_subtitle", false, false),
        ]);
        movie.Tracks[0].Path.ShouldBe(host.MoviePath("Movie.spa.srt"));
        movie.Tracks[3].IsDefault.ShouldBeTrue();
        movie.Tracks[4].IsForced.ShouldBeTrue();
        movie.Tracks[4].RawLanguage.ShouldBe("fra");
        movie.Tracks[5].IsHearingImpaired.ShouldBeTrue();
    }

    [Fact]
    public async Task AnEpisodeKeepsItsSeriesAndAnUntitledChineseTrackCountsAsSimplified()
    {
        await using var host = await JellyfinTestHost.StartAsync();

        var clip = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Clip.Id, Cancel))!;

        clip.Kind.ShouldBe("Episode");
        (clip.SeriesName, clip.SeasonNumber, clip.EpisodeNumber).ShouldBe(("Clips", 1, 2));
        clip.Tracks.Where(t => t.Kind == MediaTrackKind.Subtitle).Select(t => (t.Language, t.Codec)).ShouldBe([("en", "mov_text"), ("zh-Hans", "mov_text")]);
    }

    [Fact]
    public async Task TheChangeTagMovesWhenASubtitleIsAddedAndStaysOtherwise()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var first = await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel);
        var again = await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel);

        await File.WriteAllTextAsync(host.MoviePath("Movie.ita.srt"), ScriptedJellyfinMedia.SpanishSrt, Cancel);
        host.Server.RefreshNow(host.Movie);
        var changed = await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel);

        again!.ChangeTag.ShouldBe(first!.ChangeTag);
        changed!.ChangeTag.ShouldNotBe(first.ChangeTag);
    }

    [Fact]
    public async Task A1234ItemLibraryArrivesInPagesOf500WithEveryItemOnce()
    {
        await using var host = await JellyfinTestHost.StartAsync(new() { ["Jellyfin:PageSize"] = "500" }, withMedia: false);
        host.Server.AddSyntheticItems(host.Library, 1_234);

        var pages = new List<MediaItemPage>();
        await foreach (var page in host.Source.ReadItemsAsync(host.LibraryEntity(), null, Cancel))
        {
            pages.Add(page);
        }

        pages.Select(p => p.Items.Count).ShouldBe([500, 500, 234]);
        pages.SelectMany(p => p.Items).Select(i => i.ExternalId).Distinct().Count().ShouldBe(1_234);
        var requests = host.Server.RequestsTo("GET", "/Items");
        requests.Select(r => r.Query("startIndex") ?? "0").ShouldBe(["0", "500", "1000"]);
        requests.ShouldAllBe(r => r.Query("limit") == "500" && r.Query("recursive") == "true" && r.Query("parentId") == host.Library.ItemId);
        pages.Select(p => p.ServerTime).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task AnIncrementalReadAsksForItemsSavedSinceTheServersOwnClockAtTheLastSync()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        host.Server.ClockOffset = TimeSpan.FromHours(-2);
        var items = host.Server.AddSyntheticItems(host.Library, 300);
        // The Date header has whole seconds: items saved in the same second as the listing come again next time.
        await Task.Delay(TimeSpan.FromSeconds(1.1), Cancel);

        var full = await ReadAllAsync(host, null);
        var watermark = full[0].ServerTime!.Value;
        await Task.Delay(TimeSpan.FromSeconds(1.1), Cancel);
        host.Server.Touch(items.Take(3).Select(i => i.Id));
        var incremental = await ReadAllAsync(host, watermark);

        watermark.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(-2).AddSeconds(-10), DateTimeOffset.UtcNow.AddHours(-2).AddSeconds(1));
        incremental.SelectMany(p => p.Items).Select(i => i.ExternalId).ShouldBe(items.Take(3).Select(i => i.Id), ignoreOrder: true);
        DateTimeOffset.Parse(host.Server.Requests[^1].Query("minDateLastSaved")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(watermark);
        incremental[0].ServerTime!.Value.ShouldBeGreaterThan(watermark);
    }

    [Fact]
    public async Task AnItemThatNoLongerExistsReadsAsNull()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);

        (await host.Source.ReadItemAsync(host.LibraryEntity(), "0123456789abcdef0123456789abcdef", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task AnEmbeddedTrackIsDownloadedAtItsNewIndexAfterASidecarRenumberedTheStreams()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var stored = await host.StoredAsync(host.Movie);
        var english = stored.Streams.Single(t => t is { Kind: MediaTrackKind.Subtitle, Language: "en" });
        english.Index.ShouldBe(4);

        await File.WriteAllTextAsync(host.MoviePath("Movie.ita.srt"), ScriptedJellyfinMedia.SpanishSrt, Cancel);
        host.Server.RefreshNow(host.Movie);
        var fetched = await host.Source.FetchSubtitleAsync(host.LibraryEntity(), stored, english, Cancel);

        fetched.Format.ShouldBe(SubtitleFormat.Srt);
        fetched.Content.ShouldContain("Hello there.");
        fetched.Content.ShouldContain("<i>How are you?</i>");
        // The download, then the read that checks the index still named the track when the bytes came.
        host.Server.Requests[^2].Path.ShouldBe($"/Videos/{host.Movie.Id}/{host.Movie.Id}/Subtitles/5/Stream.srt");
        host.Server.Requests[^1].Path.ShouldBe("/Items");
    }

    [Fact]
    public async Task AnAssTrackIsDownloadedAsAssAndASidecarComesBackByteForByte()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var stored = await host.StoredAsync(host.Movie);

        var french = await host.Source.FetchSubtitleAsync(host.LibraryEntity(), stored, stored.Streams.Single(t => t.Codec == "ass"), Cancel);
        var spanish = await host.Source.FetchSubtitleAsync(host.LibraryEntity(), stored, stored.Streams.First(t => t is { IsExternal: true, Language: "es" }), Cancel);

        french.Format.ShouldBe(SubtitleFormat.Ass);
        french.Content.ShouldContain("[Events]");
        french.Content.ShouldContain("Bonjour {\\i1}à tous{\\i0}.");
        spanish.Format.ShouldBe(SubtitleFormat.Srt);
        spanish.Content.ShouldBe(ScriptedJellyfinMedia.SpanishSrt);
    }

    [Fact]
    public async Task MovTextAndWebVttTracksAreDownloadedAsSrt()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var clip = await host.StoredAsync(host.Clip);
        var movie = await host.StoredAsync(host.Movie);

        var chinese = await host.Source.FetchSubtitleAsync(host.LibraryEntity(), clip, clip.Streams.Single(t => t.Language == "zh-Hans"), Cancel);
        var german = await host.Source.FetchSubtitleAsync(host.LibraryEntity(), movie, movie.Streams.Single(t => t.Codec == "webvtt"), Cancel);

        chinese.Format.ShouldBe(SubtitleFormat.Srt);
        chinese.Content.ShouldContain("大家好。");
        german.Format.ShouldBe(SubtitleFormat.Srt);
        german.Content.ShouldContain("Hallo zusammen.");
        host.Server.Requests.Where(r => r.Path.Contains("/Subtitles/", StringComparison.Ordinal)).ShouldAllBe(r => r.Path.EndsWith("/Stream.srt"));
    }

    [Fact]
    public async Task APictureTrackCannotBeFetchedAsText()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var stored = await host.StoredAsync(host.Movie);

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Source.FetchSubtitleAsync(
            host.LibraryEntity(), stored, stored.Streams.Single(t => t.Codec == "hdmv_pgs_subtitle"), Cancel));

        error.Code.ShouldBe("track_not_text");
        host.Server.Requests.ShouldNotContain(r => r.Path.Contains("/Stream.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASidecarThatWasDeletedSinceTheSyncIsReportedAsNotFound()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var stored = await host.StoredAsync(host.Movie);
        File.Delete(host.MoviePath("Movie.spa.srt"));
        host.Server.RefreshNow(host.Movie);

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Source.FetchSubtitleAsync(
            host.LibraryEntity(), stored, stored.Streams.First(t => t.IsExternal), Cancel));

        error.Code.ShouldBe("track_not_found");
    }

    private static async Task<List<MediaItemPage>> ReadAllAsync(JellyfinTestHost host, DateTimeOffset? since)
    {
        var pages = new List<MediaItemPage>();
        await foreach (var page in host.Source.ReadItemsAsync(host.LibraryEntity(), since, Cancel))
        {
            pages.Add(page);
        }

        return pages;
    }
}

using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.Libraries.Jellyfin;

/// <summary>
/// What a real Jellyfin 12 server did differently from our first scripted one (docs/jellyfin.md, "Checked
/// against a real server"), and how the client copes with each.
/// </summary>
public sealed class JellyfinRealServerQuirksTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    public async Task AnItemIdThatIsNotAGuidNamesNoItemAndIsNeverSent(string id)
    {
        // Jellyfin would drop the filter and answer with every item of the server.
        await using var host = await JellyfinTestHost.StartAsync();

        var item = await host.Source.ReadItemAsync(host.LibraryEntity(), id, Cancel);

        item.ShouldBeNull();
        host.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheChangeTagMovesWhenJellyfinSavesTheItemAlthoughItemsCarryNoDateLastSaved()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var before = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!;

        host.Server.ClockOffset += TimeSpan.FromSeconds(5);
        host.Server.RefreshNow(host.Movie);
        var after = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!;

        after.ChangeTag.ShouldNotBe(before.ChangeTag);
        after.Tracks.ShouldBe(before.Tracks);
        host.Server.Requests[^1].Query("fields")!.Split(',').ShouldContain("Etag");
        host.Server.Requests[^1].Query("fields")!.Split(',').ShouldNotContain("DateLastSaved");
    }

    [Fact]
    public async Task ARepeatedUploadsStreamTitledByItsCounterKeepsItsLanguage()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        await File.WriteAllTextAsync(host.MoviePath("Movie.fre.srt"), ScriptedJellyfinMedia.SpanishSrt, Cancel);
        await File.WriteAllTextAsync(host.MoviePath("Movie.fre.0.srt"), ScriptedJellyfinMedia.SpanishSrt, Cancel);
        host.Server.RefreshNow(host.Movie);

        var item = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!;

        var repeated = item.Tracks.Single(t => t.Path == host.MoviePath("Movie.fre.0.srt"));
        (repeated.Title, repeated.Language).ShouldBe(("0", "fr"));
        item.Tracks.Single(t => t.Path == host.MoviePath("Movie.fre.srt")).Language.ShouldBe("fr");
    }

    [Theory]
    [InlineData("Movie.zh-hant.srt", "zh-Hant")]
    [InlineData("Movie.pt-br.srt", "pt-BR")]
    [InlineData("Movie.es-419.srt", "es-419")]
    public async Task AVariantLanguageSidecarReadsAsThatVariantFromItsTagAlone(string fileName, string expected)
    {
        await using var host = await JellyfinTestHost.StartAsync();
        await File.WriteAllTextAsync(host.MoviePath(fileName), ScriptedJellyfinMedia.SpanishSrt, Cancel);
        host.Server.RefreshNow(host.Movie);

        var item = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!;

        var track = item.Tracks.Single(t => t.Path == host.MoviePath(fileName));
        (track.Language, track.Title).ShouldBe((expected, null));
    }

    [Fact]
    public async Task ASubtitleRemovedBetweenOurReadAndOurDownloadIsTrackNotFoundNotAServerError()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var stored = await host.StoredAsync(host.Movie);
        var spanish = stored.Streams.First(t => t is { IsExternal: true, Language: "es" });
        var removed = 0;
        // Another client deletes the sidecar just as our download starts: the index we read now names
        // a stream that is no subtitle, and a real server answers that with a 500.
        host.Server.BeforeHandling = request =>
        {
            if (request.Path.Value!.Contains("/Subtitles/", StringComparison.Ordinal) && Interlocked.Exchange(ref removed, 1) == 0)
            {
                File.Delete(host.MoviePath("Movie.spa.srt"));
                host.Server.RefreshNow(host.Movie);
            }
        };

        var error = await Should.ThrowAsync<MediaSourceException>(() => host.Source.FetchSubtitleAsync(host.LibraryEntity(), stored, spanish, Cancel));

        error.Code.ShouldBe("track_not_found");
        host.Server.Requests.ShouldContain(r => r.Path.Contains("/Subtitles/", StringComparison.Ordinal) && r.StatusCode == 500);
    }

    [Fact]
    public async Task OurPreviousSubtitleRemovedByHandBeforeItsCheckIsNotMistakenForAnEditedOne()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);
        var first = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", "1\n00:00:00,500 --> 00:00:01,000\nBonjour.\n", null), Cancel);
        var previous = new WrittenSubtitleEntity
        {
            Id = Guid.NewGuid(), JobId = Guid.NewGuid(), Language = "fr", Format = "srt", Path = first.Path, ContentHash = first.ContentHash, WrittenAt = DateTimeOffset.UtcNow,
        };
        var removed = 0;
        host.Server.BeforeHandling = request =>
        {
            if (request.Method == "GET" && request.Path.Value!.Contains("/Subtitles/", StringComparison.Ordinal) && Interlocked.Exchange(ref removed, 1) == 0)
            {
                File.Delete(first.Path!);
                host.Server.RefreshNow(host.Movie);
            }
        };

        var second = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", "1\n00:00:00,500 --> 00:00:01,000\nSalut.\n", previous), Cancel);

        second.Path.ShouldBe(host.MoviePath("Movie.fra.srt"));
        (await File.ReadAllTextAsync(second.Path!, Cancel)).ShouldContain("Salut.");
        Directory.GetFiles(host.MoviePath(""), "Movie.fra*").Length.ShouldBe(1);
        host.Logs.Lines.ShouldNotContain(line => line.Contains("changed by someone else", StringComparison.Ordinal));
    }

    private static SubtitleWriteRequest Request(string language, string content, WrittenSubtitleEntity? previous) =>
        new(language, FluxCaption.Core.Subtitles.SubtitleFormat.Srt, content, IsForced: false, IsHearingImpaired: false, previous);
}

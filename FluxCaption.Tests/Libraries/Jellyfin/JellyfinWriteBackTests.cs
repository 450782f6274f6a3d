using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinWriteBackTests
{
    private const string FrenchV1 = "1\n00:00:00,500 --> 00:00:01,500\nBonjour à tous.\n";
    private const string FrenchV2 = "1\n00:00:00,500 --> 00:00:01,500\nSalut tout le monde.\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteUploadsUtf8WaitsForTheStreamToAppearAndReturnsItsPath()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);

        var result = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);

        result.Path.ShouldBe(host.MoviePath("Movie.fra.srt"));
        result.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FrenchV1))));
        (await File.ReadAllTextAsync(result.Path!, Cancel)).ShouldBe(FrenchV1);
        var upload = JsonNode.Parse(host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Single().Body)!;
        ((string?)upload["Language"]).ShouldBe("fra");
        ((string?)upload["Format"]).ShouldBe("srt");
        Encoding.UTF8.GetString(Convert.FromBase64String((string)upload["Data"]!)).ShouldBe(FrenchV1);

        // 204 came before the stream was listed: the item was read again until it showed, and no Refresh was sent.
        var afterUpload = host.Server.Requests.SkipWhile(r => r.Method != "POST").Skip(1).ToList();
        afterUpload.Count(r => r.Path == "/Items").ShouldBeGreaterThan(1);
        host.Server.Requests.ShouldNotContain(r => r.Path.EndsWith("/Refresh", StringComparison.Ordinal));
        var reread = await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel);
        reread!.Tracks.ShouldContain(t => t.Language == "fr" && t.IsExternal && t.Path == result.Path);
    }

    [Fact]
    public async Task RewritingALanguageDeletesOurPreviousFileFirstSoNoZeroFilePilesUp()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);
        var first = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);

        var second = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV2, Written(first, "fr")), Cancel);
        var third = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1, Written(second, "fr")), Cancel);

        third.Path.ShouldBe(host.MoviePath("Movie.fra.srt"));
        (await File.ReadAllTextAsync(third.Path!, Cancel)).ShouldBe(FrenchV1);
        Directory.GetFiles(Path.GetDirectoryName(third.Path)!, "Movie.fra*").Length.ShouldBe(1);
        // The French file sat at index 0 each time (external subtitles first): the delete used the fresh index.
        host.Server.RequestsTo("DELETE", "/Videos/[0-9a-f]+/Subtitles/[0-9]+").Select(r => r.Path.Split('/')[^1]).ShouldBe(["0", "0"]);
    }

    [Fact]
    public async Task OurPreviousFileIsDeletedAtTheIndexItHasNowNotTheOneItHadWhenWritten()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);
        var first = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);
        // A human's English sidecar sorts before ours: our French file moves from index 0 to 1.
        await File.WriteAllTextAsync(host.MoviePath("Movie.eng.srt"), TestMedia.SampleSrt, Cancel);
        host.Server.RefreshNow(host.Movie);

        var second = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV2, Written(first, "fr")), Cancel);

        host.Server.RequestsTo("DELETE", "/Videos/[0-9a-f]+/Subtitles/[0-9]+").Single().Path.Split('/')[^1].ShouldBe("1");
        (await File.ReadAllTextAsync(host.MoviePath("Movie.eng.srt"), Cancel)).ShouldBe(TestMedia.SampleSrt);
        second.Path.ShouldBe(host.MoviePath("Movie.fra.srt"));
        (await File.ReadAllTextAsync(second.Path!, Cancel)).ShouldBe(FrenchV2);
    }

    [Fact]
    public async Task WritingTheSameSubtitleTwiceAfterACrashUploadsItOnlyOnce()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);

        var first = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);
        // The record of the first write never got committed: the retry has no Previous.
        var retried = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);

        retried.ShouldBe(first);
        host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Count.ShouldBe(1);
        File.Exists(host.MoviePath("Movie.fra.0.srt")).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUploadTooSlowToAppearFailsAndTheRetryFindsItInsteadOfUploadingAgain()
    {
        await using var host = await JellyfinTestHost.StartAsync(new() { ["Jellyfin:UploadVisibleTimeout"] = "00:00:00.300" });
        host.Server.UploadVisibilityDelay = TimeSpan.FromSeconds(1.5);
        var item = await host.StoredAsync(host.Movie);

        var error = await Should.ThrowAsync<MediaSourceException>(() =>
            host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel));
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);
        var retried = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("fr", FrenchV1), Cancel);

        error.Code.ShouldBe("write_not_visible");
        retried.Path.ShouldBe(host.MoviePath("Movie.fra.srt"));
        host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Count.ShouldBe(1);
    }

    [Fact]
    public async Task ASubtitleFluxCaptionDidNotWriteIsNeverDeleted()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);
        var humanPath = host.MoviePath("Movie.spa.srt");
        // A record that points at the human's file (say, after someone replaced our file with theirs).
        var notOurs = new WrittenSubtitleEntity { Language = "es", Format = "srt", Path = humanPath, ContentHash = new string('0', 64) };

        var result = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request("es", "1\n00:00:00,500 --> 00:00:01,000\nHola.\n", notOurs), Cancel);

        (await File.ReadAllTextAsync(humanPath, Cancel)).ShouldBe(TestServers.ScriptedJellyfin.ScriptedJellyfinMedia.SpanishSrt);
        result.Path.ShouldBe(host.MoviePath("Movie.spa.0.srt"));
        host.Server.RequestsTo("DELETE", "/Videos/[0-9a-f]+/Subtitles/[0-9]+").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("zh-Hant", "zh-hant", "Movie.zh-hant.srt")]
    [InlineData("zh-Hans", "zho", "Movie.zho.srt")]
    [InlineData("pt-BR", "pt-br", "Movie.pt-br.srt")]
    public async Task AScriptOrRegionThreeLettersCannotCarryIsUploadedAsItsTagAndReadsBackAsTheSameLanguage(string language, string sent, string fileName)
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);

        var result = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item, Request(language, TestMedia.SampleSrt), Cancel);

        ((string?)JsonNode.Parse(host.Server.RequestsTo("POST", "/Videos/[0-9a-f]+/Subtitles").Single().Body)!["Language"]).ShouldBe(sent);
        result.Path.ShouldBe(host.MoviePath(fileName));
        var reread = await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel);
        reread!.Tracks.Single(t => t.Path == result.Path).Language.ShouldBe(language);
    }

    [Fact]
    public async Task ForcedAndHearingImpairedFlagsReachTheFileNameAndTheStream()
    {
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);

        var result = await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item,
            new SubtitleWriteRequest("de", SubtitleFormat.Ass, TestMedia.SampleAss, IsForced: true, IsHearingImpaired: true, Previous: null), Cancel);

        result.Path.ShouldBe(host.MoviePath("Movie.deu.forced.sdh.ass"));
        var track = (await host.Source.ReadItemAsync(host.LibraryEntity(), host.Movie.Id, Cancel))!.Tracks.Single(t => t.Path == result.Path);
        (track.Language, track.Codec, track.IsForced, track.IsHearingImpaired).ShouldBe(("de", "ass", true, true));
    }

    private static SubtitleWriteRequest Request(string language, string content, WrittenSubtitleEntity? previous = null) =>
        new(language, SubtitleFormat.Srt, content, IsForced: false, IsHearingImpaired: false, previous);

    private static WrittenSubtitleEntity Written(SubtitleWriteResult result, string language) => new()
    {
        Id = Guid.NewGuid(),
        JobId = Guid.NewGuid(),
        Language = language,
        Format = "srt",
        Path = result.Path,
        ContentHash = result.ContentHash,
        WrittenAt = DateTimeOffset.UtcNow,
    };
}

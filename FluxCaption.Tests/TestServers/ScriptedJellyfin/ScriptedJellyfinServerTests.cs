using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

public sealed class ScriptedJellyfinServerTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-server-");
    private ScriptedJellyfinServer _jellyfin = null!;
    private HttpClient _http = null!;
    private ScriptedJellyfinItem _movie = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _jellyfin = await ScriptedJellyfinServer.StartAsync(Cancel);
        _http = ScriptedJellyfinHttp.Create(_jellyfin.Endpoint);
        var (movie, _) = await ScriptedJellyfinMedia.CopyToAsync(_folder.FullName);
        var library = _jellyfin.AddLibrary("Movies", _folder.FullName);
        _movie = await _jellyfin.AddVideoAsync(library, movie, declaredBitmaps: ["spa"]);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _jellyfin.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task PublicSystemInfoNeedsNoTokenAndReportsTheConfiguredVersion()
    {
        _jellyfin.Version = "10.8.13";

        var info = await _http.GetFromJsonAsync<JsonObject>("System/Info/Public", Cancel);

        ((string?)info!["Version"]).ShouldBe("10.8.13");
        ((string?)info["ServerName"]).ShouldBe("Scripted Jellyfin");
        (await _http.GetAsync("System/Info", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("X-Emby-Token", "{0}")]
    [InlineData("X-MediaBrowser-Token", "{0}")]
    [InlineData("X-Emby-Authorization", "MediaBrowser Client=\"x\", Device=\"y\", DeviceId=\"z\", Version=\"1\", Token=\"{0}\"")]
    [InlineData("Authorization", "Emby Client=\"x\", Device=\"y\", DeviceId=\"z\", Version=\"1\", Token=\"{0}\"")]
    public async Task LegacyAuthenticationHeadersAreRefusedWith401(string header, string format)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "System/Info");
        request.Headers.TryAddWithoutValidation(header, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _jellyfin.ApiKey));

        (await _http.SendAsync(request, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheApiKeyWorksInTheMediaBrowserHeaderAndTheApiKeyQueryButNotInApiUnderscoreKey()
    {
        (await _http.GetAsync($"System/Info?api_key={_jellyfin.ApiKey}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _http.GetAsync($"System/Info?ApiKey={_jellyfin.ApiKey}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, "System/Info")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AUserWhoIsNotAnAdministratorMayReadItemsButNotListLibraries()
    {
        (await SendAsync(HttpMethod.Get, "Library/VirtualFolders", token: _jellyfin.UserToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Get, "Items?recursive=true", token: _jellyfin.UserToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _jellyfin.UserIsAdministrator = true;
        (await SendAsync(HttpMethod.Get, "Library/VirtualFolders", token: _jellyfin.UserToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutFieldsAnItemComesBackWithoutStreamsOrPath()
    {
        var bare = await ItemsAsync($"Items?ids={_movie.Id}");
        var full = await ItemsAsync($"Items?ids={_movie.Id}&fields=MediaStreams,Path");

        bare.Single()!["MediaStreams"].ShouldBeNull();
        bare.Single()!["Path"].ShouldBeNull();
        ((string?)full.Single()!["Path"]).ShouldBe(_movie.Path);
        full.Single()!["MediaStreams"]!.AsArray().Count.ShouldBe(8);
    }

    [Fact]
    public async Task ExternalSubtitlesAreListedFirstAndEveryStreamIsNumberedInThatOrder()
    {
        var streams = (await ItemsAsync($"Items?ids={_movie.Id}&fields=MediaStreams")).Single()!["MediaStreams"]!.AsArray();

        streams.Select(s => ((int)s!["Index"]!, (string?)s["Type"], (string?)s["Codec"], (string?)s["Language"], (bool)s["IsExternal"]!)).ShouldBe(
        [
            (0, "Subtitle", "subrip", "spa", true),
            (1, "Video", "mpeg4", null, false),
            (2, "Audio", "aac", "eng", false),
            (3, "Audio", "aac", "jpn", false),
            (4, "Subtitle", "subrip", "eng", false),
            (5, "Subtitle", "ass", "fra", false),
            (6, "Subtitle", "webvtt", "deu", false),
            (7, "Subtitle", "hdmv_pgs_subtitle", "spa", false),
        ]);
        ((bool)streams[5]!["IsForced"]!).ShouldBeTrue();
        ((bool)streams[6]!["IsHearingImpaired"]!).ShouldBeTrue();
        ((bool)streams[7]!["IsTextSubtitleStream"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task GettingOneItemByIdWithAnApiKeyIs400UnlessAUserIsNamed()
    {
        (await SendAsync(HttpMethod.Get, $"Items/{_movie.Id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Get, $"Items/{_movie.Id}?userId={_jellyfin.UserId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ALibraryListsItsVideosOnlyWhenAskedRecursively()
    {
        var library = _movie.LibraryId;

        (await ItemsAsync($"Items?parentId={library}")).Count.ShouldBe(0);
        (await ItemsAsync($"Items?parentId={library}&recursive=true")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task MinDateLastSavedFiltersOnTheServersClockWhichTheDateHeaderCarries()
    {
        _jellyfin.ClockOffset = TimeSpan.FromHours(-3);
        _jellyfin.Touch([_movie.Id]);
        using var first = await SendAsync(HttpMethod.Get, $"Items?ids={_movie.Id}");
        var serverTime = first.Headers.Date!.Value;
        serverTime.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(-3).AddSeconds(-5), DateTimeOffset.UtcNow.AddHours(-3).AddSeconds(5));

        var since = Uri.EscapeDataString(serverTime.AddSeconds(1).ToString("O"));
        (await ItemsAsync($"Items?ids={_movie.Id}&minDateLastSaved={since}")).Count.ShouldBe(0);
        await Task.Delay(TimeSpan.FromSeconds(1.1), Cancel);
        _jellyfin.Touch([_movie.Id]);
        var body = await (await SendAsync(HttpMethod.Get, $"Items?ids={_movie.Id}&minDateLastSaved={since}")).Content.ReadAsStringAsync(Cancel);
        body.ShouldNotContain("minDateLastSaved", Case.Insensitive);
        JsonNode.Parse(body)!["Items"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ASubtitleAskedInItsOwnFormatComesBackByteForByteAndEmbeddedTracksAreExtracted()
    {
        var sidecar = await (await SendAsync(HttpMethod.Get, $"Videos/{_movie.Id}/{_movie.Id}/Subtitles/0/Stream.srt")).Content.ReadAsByteArrayAsync(Cancel);
        var embedded = await (await SendAsync(HttpMethod.Get, $"Videos/{_movie.Id}/{_movie.Id}/Subtitles/4/Stream.srt")).Content.ReadAsStringAsync(Cancel);
        var vttAsSrt = await (await SendAsync(HttpMethod.Get, $"Videos/{_movie.Id}/{_movie.Id}/Subtitles/6/Stream.srt")).Content.ReadAsStringAsync(Cancel);

        sidecar.ShouldBe(Encoding.UTF8.GetBytes(ScriptedJellyfinMedia.SpanishSrt));
        // The generated mkv's video starts at ~23 ms; extraction keeps that shift, as Jellyfin's does.
        embedded.ShouldMatch(@"(?s)^1\r?\n00:00:00,5\d\d --> 00:00:01,5\d\d\r?\nHello there\.");
        embedded.ShouldContain("Hello there.");
        vttAsSrt.ShouldMatch(@"(?s)^1\r?\n00:00:00,5\d\d --> 00:00:01,5\d\d\r?\nHallo zusammen\.\r?\n\r?\n2\r?\n");
        (await _http.GetAsync($"Videos/{_movie.Id}/{_movie.Id}/Subtitles/7/Stream.srt", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DownloadErrorsAreARealServers400ForAnUnknownItemAnd500ForAnIndexThatIsNoSubtitle()
    {
        (await SendAsync(HttpMethod.Get, $"Videos/00000000000000000000000000000000/{_movie.Id}/Subtitles/0/Stream.srt")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var outOfRange = await SendAsync(HttpMethod.Get, $"Videos/{_movie.Id}/{_movie.Id}/Subtitles/42/Stream.srt");
        outOfRange.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await outOfRange.Content.ReadAsStringAsync(Cancel)).ShouldContain("Sequence contains no matching element");
        var audio = (await StreamsAsync()).First(s => (string?)s["Type"] == "Audio")["Index"]!.GetValue<int>();
        (await SendAsync(HttpMethod.Get, $"Videos/{_movie.Id}/{_movie.Id}/Subtitles/{audio}/Stream.srt")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task AnUploadAnswers204BeforeTheStreamAppearsThenRenumbersAndBumpsTheSavedDate()
    {
        var savedBefore = _movie.DateLastSaved;

        var response = await UploadAsync(_movie.Id, "fre", "srt");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ExternalPathsAsync()).ShouldBe([Path.Combine(_folder.FullName, "Movie", "Movie.spa.srt")]);
        await Task.Delay(_jellyfin.UploadVisibilityDelay * 2, Cancel);
        var streams = await StreamsAsync();
        streams.Where(s => (bool)s["IsExternal"]!).Select(s => (string?)s["Path"]).ShouldBe(
            [Path.Combine(_folder.FullName, "Movie", "Movie.fre.srt"), Path.Combine(_folder.FullName, "Movie", "Movie.spa.srt")]);
        ((string?)streams[0]["Language"]).ShouldBe("fra");
        streams.Single(s => (string?)s["Codec"] == "ass")["Index"]!.GetValue<int>().ShouldBe(6);
        _movie.DateLastSaved.ShouldBeGreaterThan(savedBefore);
    }

    [Fact]
    public async Task UploadingTheSameLanguageAgainWritesZeroThenOneFilesInsteadOfOverwriting()
    {
        await UploadAsync(_movie.Id, "eng", "srt", forced: true);
        await UploadAsync(_movie.Id, "eng", "srt", forced: true);
        await UploadAsync(_movie.Id, "eng", "srt", forced: true);

        var folder = Path.Combine(_folder.FullName, "Movie");
        File.Exists(Path.Combine(folder, "Movie.eng.forced.srt")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "Movie.eng.forced.0.srt")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "Movie.eng.forced.1.srt")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"Language\":\"fra\",\"Format\":\"txt\",\"IsForced\":false,\"IsHearingImpaired\":false,\"Data\":\"MQ==\"}")]
    [InlineData("{\"Language\":\"../fra\",\"Format\":\"srt\",\"IsForced\":false,\"IsHearingImpaired\":false,\"Data\":\"MQ==\"}")]
    [InlineData("{\"Language\":\"fra\",\"Format\":\"srt\",\"IsForced\":\"yes\",\"Data\":\"MQ==\"}")]
    public async Task AnUploadWithAnInvalidBodyIs400(string body)
    {
        (await SendAsync(HttpMethod.Post, $"Videos/{_movie.Id}/Subtitles", body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUploadMayLeaveOutTheFlagsButBadBase64FailsInsideTheServer()
    {
        var noFlags = await SendAsync(HttpMethod.Post, $"Videos/{_movie.Id}/Subtitles", "{\"Language\":\"ita\",\"Format\":\"srt\",\"Data\":\"MQ==\"}");
        var badBase64 = await SendAsync(HttpMethod.Post, $"Videos/{_movie.Id}/Subtitles",
            "{\"Language\":\"fra\",\"Format\":\"srt\",\"IsForced\":false,\"IsHearingImpaired\":false,\"Data\":\"not base64!\"}");

        noFlags.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(Path.Combine(_folder.FullName, "Movie", "Movie.ita.srt")).ShouldBeTrue();
        badBase64.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task ItemsNeverCarryDateLastSavedAndAnEtagOnlyWhenAskedWhichMovesWithASave()
    {
        var plain = (await ItemsAsync($"Items?ids={_movie.Id}&fields=MediaStreams,DateLastSaved")).Single()!.AsObject();
        var tagged = (await ItemsAsync($"Items?ids={_movie.Id}&fields=Etag")).Single()!.AsObject();
        _jellyfin.ClockOffset += TimeSpan.FromSeconds(5);
        _jellyfin.RefreshNow(_movie);
        var retagged = (await ItemsAsync($"Items?ids={_movie.Id}&fields=Etag")).Single()!.AsObject();

        plain.ContainsKey("DateLastSaved").ShouldBeFalse();
        plain.ContainsKey("Etag").ShouldBeFalse();
        ((string?)tagged["Etag"]).ShouldNotBeNullOrEmpty();
        ((string?)retagged["Etag"]).ShouldNotBe((string?)tagged["Etag"]);
    }

    [Fact]
    public async Task AnIdsFilterThatIsNotAGuidIsIgnoredAndListsEveryItemWithItsTotalCount()
    {
        var second = _jellyfin.AddSyntheticItems(_jellyfin.AddLibrary("Shows", Path.Combine(_folder.FullName, "shows")), 3);

        var response = await SendAsync(HttpMethod.Get, "Items?ids=not-a-guid&recursive=true&enableTotalRecordCount=false");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;

        body["Items"]!.AsArray().Count.ShouldBe(1 + second.Count);
        ((int)body["TotalRecordCount"]!).ShouldBe(1 + second.Count);
    }

    [Fact]
    public async Task AVariantLanguageUploadReportsItsTagWithNoTitleAndARepeatedUploadIsTitledByItsCounter()
    {
        await UploadAsync(_movie.Id, "zh-hant", "srt");
        await UploadAsync(_movie.Id, "fre", "srt");
        await UploadAsync(_movie.Id, "fre", "srt");
        await Task.Delay(_jellyfin.UploadVisibilityDelay * 2, Cancel);

        var externals = (await StreamsAsync()).Where(s => (bool)s["IsExternal"]!).ToList();
        var variant = externals.Single(s => ((string?)s["Path"])!.EndsWith("Movie.zh-hant.srt", StringComparison.Ordinal));
        ((string?)variant["Language"]).ShouldBe("zh-hant");
        ((string?)variant["Title"]).ShouldBeNull();
        ((string?)variant["DisplayTitle"]).ShouldStartWith("Chinese (Traditional)");
        var repeated = externals.Single(s => ((string?)s["Path"])!.EndsWith("Movie.fre.0.srt", StringComparison.Ordinal));
        ((string?)repeated["Language"]).ShouldBe("fra");
        ((string?)repeated["Title"]).ShouldBe("0");
    }

    [Fact]
    public async Task AnUploadToAnUnknownItemIs404()
    {
        (await UploadAsync("00000000000000000000000000000000", "fre", "srt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAnExternalSubtitleRemovesTheFileAndRenumbersButAnEmbeddedOneOrAnIndexOutOfRangeIs400()
    {
        (await SendAsync(HttpMethod.Delete, $"Videos/{_movie.Id}/Subtitles/4")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Delete, $"Videos/{_movie.Id}/Subtitles/42")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await SendAsync(HttpMethod.Delete, $"Videos/{_movie.Id}/Subtitles/0")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.Exists(Path.Combine(_folder.FullName, "Movie", "Movie.spa.srt")).ShouldBeFalse();
        var streams = await StreamsAsync();
        streams.Count.ShouldBe(7);
        ((string?)streams[3]["Codec"]).ShouldBe("subrip");
    }

    [Fact]
    public async Task AScriptedFaultHitsOnlyTheMatchingRequestsThenTheServerRecovers()
    {
        _jellyfin.Fail(JellyfinFault.ServerError, times: 1, method: "GET", pathStartsWith: "/Items");

        (await SendAsync(HttpMethod.Get, "System/Info")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, "Items")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await SendAsync(HttpMethod.Get, "Items")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _jellyfin.RequestsTo("GET", "/Items").Select(r => r.StatusCode).ShouldBe([500, 200]);
    }

    [Fact]
    public async Task ASlowFaultDelaysTheAnswerAndAHangNeverAnswers()
    {
        _jellyfin.SlowDelay = TimeSpan.FromMilliseconds(600);
        _jellyfin.Fail(JellyfinFault.Slow, times: 1, pathStartsWith: "/System");
        _jellyfin.Fail(JellyfinFault.Hang, times: 1, pathStartsWith: "/System");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        (await SendAsync(HttpMethod.Get, "System/Info")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        patience.CancelAfter(TimeSpan.FromMilliseconds(500));
        await Should.ThrowAsync<OperationCanceledException>(() => _http.GetAsync($"System/Info?ApiKey={_jellyfin.ApiKey}", patience.Token));
    }

    [Fact]
    public async Task ASyntheticLibraryPagesInAStableOrder()
    {
        var library = _jellyfin.AddLibrary("Big", "/media/big");
        _jellyfin.AddSyntheticItems(library, 1_234);

        var names = new List<string>();
        for (var start = 0; start < 1_300; start += 500)
        {
            names.AddRange((await ItemsAsync($"Items?parentId={library.ItemId}&recursive=true&startIndex={start}&limit=500&sortBy=SortName")).Select(i => (string)i!["Name"]!));
        }

        names.Count.ShouldBe(1_234);
        names.Distinct().Count().ShouldBe(1_234);
        names.ShouldBeInOrder(SortDirection.Ascending, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? jsonBody = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"MediaBrowser Client=\"Tests\", Device=\"test\", DeviceId=\"test-device\", Version=\"1.0.0\", Token=\"{token ?? _jellyfin.ApiKey}\"");
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request, Cancel);
    }

    private Task<HttpResponseMessage> UploadAsync(string itemId, string language, string format, bool forced = false) =>
        SendAsync(HttpMethod.Post, $"Videos/{itemId}/Subtitles", new JsonObject
        {
            ["Language"] = language,
            ["Format"] = format,
            ["IsForced"] = forced,
            ["IsHearingImpaired"] = false,
            ["Data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestMedia.SampleSrt)),
        }.ToJsonString());

    private async Task<JsonArray> ItemsAsync(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["Items"]!.AsArray();
    }

    private async Task<List<JsonNode>> StreamsAsync() =>
        [.. (await ItemsAsync($"Items?ids={_movie.Id}&fields=MediaStreams")).Single()!["MediaStreams"]!.AsArray().Select(s => s!)];

    private async Task<List<string?>> ExternalPathsAsync() =>
        [.. (await StreamsAsync()).Where(s => (bool)s["IsExternal"]!).Select(s => (string?)s["Path"])];
}

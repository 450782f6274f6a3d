using System.Net;
using System.Net.Http.Headers;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

public sealed class ScriptedJellyfinVideoStreamTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-stream-");
    private ScriptedJellyfinServer _jellyfin = null!;
    private HttpClient _http = null!;
    private ScriptedJellyfinItem _movie = null!;
    private byte[] _bytes = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _jellyfin = await ScriptedJellyfinServer.StartAsync(Cancel);
        _http = ScriptedJellyfinHttp.Create(_jellyfin.Endpoint);
        var (movie, _) = await ScriptedJellyfinMedia.CopyToAsync(_folder.FullName);
        _movie = await _jellyfin.AddVideoAsync(_jellyfin.AddLibrary("Movies", _folder.FullName), movie);
        _bytes = await File.ReadAllBytesAsync(movie, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _jellyfin.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task TheStaticStreamNeedsATokenAndServesTheOriginalFileWithItsTypeAndLength()
    {
        using var anonymous = await _http.GetAsync(StreamPath(_movie.Id), Cancel);
        using var response = await _http.SendAsync(Request(_movie.Id), Cancel);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("video/x-matroska");
        response.Content.Headers.ContentLength.ShouldBe(_bytes.Length);
        response.Headers.AcceptRanges.ShouldBe(["bytes"]);
        response.Content.Headers.LastModified.ShouldNotBeNull();
        (await response.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(_bytes);
    }

    [Fact]
    public async Task ARangeGets206WithItsBytesAndARangePastTheEndGets416()
    {
        using var partial = await _http.SendAsync(Request(_movie.Id, from: 1000), Cancel);
        using var beyond = await _http.SendAsync(Request(_movie.Id, from: _bytes.Length + 10), Cancel);

        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-{_bytes.Length - 1}/{_bytes.Length}");
        (await partial.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(_bytes[1000..]);
        beyond.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task AnIfRangeThatNoLongerMatchesGetsTheWholeFile()
    {
        using var request = Request(_movie.Id, from: 1000);
        request.Headers.IfRange = new RangeConditionHeaderValue(DateTimeOffset.UtcNow.AddYears(-5));

        using var response = await _http.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(_bytes.Length);
    }

    [Fact]
    public async Task AnUnknownItemOrMediaSourceGets404()
    {
        using var unknownItem = await _http.SendAsync(Request("0123456789abcdef0123456789abcdef"), Cancel);
        using var unknownSource = await _http.SendAsync(Request(_movie.Id, mediaSourceId: "0123456789abcdef0123456789abcdef"), Cancel);

        unknownItem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownSource.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADroppedBodyBreaksOffOnceAfterTheScriptedBytesThenTheFileComesWhole()
    {
        _jellyfin.BodyFaultBytes = 20_000;
        _jellyfin.Fail(JellyfinFault.DropBody, pathStartsWith: "/Videos/" + _movie.Id + "/stream");

        using var first = await _http.SendAsync(Request(_movie.Id), HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var body = await first.Content.ReadAsStreamAsync(Cancel);
        using var received = new MemoryStream();
        var copy = async () => await body.CopyToAsync(received, Cancel);
        await copy.ShouldThrowAsync<IOException>();
        using var second = await _http.SendAsync(Request(_movie.Id), Cancel);

        first.Content.Headers.ContentLength.ShouldBe(_bytes.Length);
        received.Length.ShouldBe(20_000);
        (await second.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(_bytes);
    }

    [Fact]
    public async Task AStalledBodySendsTheScriptedBytesAndThenNothing()
    {
        _jellyfin.BodyFaultBytes = 10_000;
        _jellyfin.Fail(JellyfinFault.StallBody, pathStartsWith: "/Videos/");

        using var response = await _http.SendAsync(Request(_movie.Id), HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var body = await response.Content.ReadAsStreamAsync(Cancel);
        var buffer = new byte[_bytes.Length];
        var received = 0;
        while (received < 10_000)
        {
            received += await body.ReadAsync(buffer.AsMemory(received), Cancel);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        wait.CancelAfter(TimeSpan.FromMilliseconds(500));
        var more = async () => await body.ReadAsync(buffer.AsMemory(received), wait.Token);

        await more.ShouldThrowAsync<OperationCanceledException>();
        received.ShouldBe(10_000);
    }

    private static string StreamPath(string itemId, string? mediaSourceId = null) =>
        $"Videos/{itemId}/stream?static=true&mediaSourceId={mediaSourceId ?? itemId}";

    private HttpRequestMessage Request(string itemId, long? from = null, string? mediaSourceId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, StreamPath(itemId, mediaSourceId));
        request.Headers.TryAddWithoutValidation("Authorization", $"MediaBrowser Client=\"Tests\", Device=\"t\", DeviceId=\"t\", Version=\"1\", Token=\"{_jellyfin.ApiKey}\"");
        if (from is { } start)
        {
            request.Headers.Range = new RangeHeaderValue(start, null);
        }

        return request;
    }
}

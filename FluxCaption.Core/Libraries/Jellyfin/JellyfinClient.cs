using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// Typed HttpClient for the Jellyfin API as <c>docs/jellyfin.md</c> describes it. The connection is read
/// from <see cref="IJellyfinConnectionProvider"/> on every call, so a settings change applies at once.
/// Every failure surfaces as a <see cref="MediaSourceException"/> whose code says what went wrong.
/// </summary>
public sealed partial class JellyfinClient(
    HttpClient http,
    IJellyfinConnectionProvider connections,
    IOptions<JellyfinOptions> options,
    ILogger<JellyfinClient> logger)
{
    /// <summary>
    /// The item fields a sync needs; without <c>fields</c> Jellyfin returns neither streams nor path. No
    /// <c>DateLastSaved</c>: items never carry it, asked or not; <c>Etag</c> shows a save instead.
    /// </summary>
    public const string ItemFields = "MediaStreams,Path,MediaSources,DateCreated,Etag";

    public const string VideoItemTypes = "Movie,Episode,Video,MusicVideo";

    public Task<JellyfinSystemInfo> GetPublicSystemInfoAsync(JellyfinConnection connection, CancellationToken cancellationToken) =>
        GetJsonAsync(connection, "System/Info/Public", JellyfinJsonContext.Default.JellyfinSystemInfo, authenticate: false, cancellationToken);

    public Task<JellyfinSystemInfo> GetSystemInfoAsync(JellyfinConnection connection, CancellationToken cancellationToken) =>
        GetJsonAsync(connection, "System/Info", JellyfinJsonContext.Default.JellyfinSystemInfo, authenticate: true, cancellationToken);

    /// <summary>The libraries; needs an administrator (an API key is one), else 403.</summary>
    public async Task<IReadOnlyList<JellyfinVirtualFolder>> GetVirtualFoldersAsync(JellyfinConnection connection, CancellationToken cancellationToken) =>
        await GetJsonAsync(connection, "Library/VirtualFolders", JellyfinJsonContext.Default.ListJellyfinVirtualFolder, authenticate: true, cancellationToken);

    public async Task<IReadOnlyList<JellyfinVirtualFolder>> GetVirtualFoldersAsync(CancellationToken cancellationToken) =>
        await GetVirtualFoldersAsync(await ConnectionAsync(cancellationToken), cancellationToken);

    public async Task<JellyfinItemsPage> GetItemsAsync(JellyfinItemQuery query, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        using var response = await SendAsync(connection, HttpMethod.Get, ItemsPath(query), null, authenticate: true, cancellationToken);
        var result = await ReadJsonAsync(response, JellyfinJsonContext.Default.JellyfinItemsResult, cancellationToken);
        return new JellyfinItemsPage(result.Items, response.Headers.Date);
    }

    /// <summary>
    /// One item with its current streams, or null when it does not exist. Uses <c>/Items?ids=</c>:
    /// <c>/Items/{id}</c> answers 400 to an API key, which has no user.
    /// </summary>
    public async Task<JellyfinItem?> GetItemAsync(string itemId, CancellationToken cancellationToken)
    {
        // Jellyfin drops an "ids" filter it cannot parse and lists every item of the server: an id that is
        // not a GUID names no item, so it is never sent.
        if (!IsItemId(itemId))
        {
            return null;
        }

        var page = await GetItemsAsync(new JellyfinItemQuery { Ids = [itemId] }, cancellationToken);
        // Only the asked id counts: a server that ignored "ids" would hand back some other item.
        return page.Items.FirstOrDefault(item => SameId(item.Id, itemId));
    }

    /// <summary>A subtitle stream's bytes; in the stream's own format they come back unchanged, otherwise Jellyfin converts.</summary>
    public async Task<byte[]> DownloadSubtitleAsync(string itemId, string mediaSourceId, int index, string format, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var path = string.Create(CultureInfo.InvariantCulture,
            $"Videos/{Uri.EscapeDataString(itemId)}/{Uri.EscapeDataString(mediaSourceId)}/Subtitles/{index}/Stream.{format}");
        using var response = await SendAsync(connection, HttpMethod.Get, path, null, authenticate: true, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Answers 204 before the stream is visible: poll the item to see it. Never retried.</summary>
    public async Task UploadSubtitleAsync(string itemId, JellyfinSubtitleUpload upload, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        using var content = JsonContent.Create(upload, JellyfinJsonContext.Default.JellyfinSubtitleUpload);
        using var response = await SendAsync(connection, HttpMethod.Post, $"Videos/{Uri.EscapeDataString(itemId)}/Subtitles", content, authenticate: true, cancellationToken);
        LogUploaded(logger, itemId, upload.Language, upload.Format);
    }

    /// <summary>Deletes the external subtitle at <paramref name="index"/> (read it fresh just before); embedded streams give 400.</summary>
    public async Task DeleteSubtitleAsync(string itemId, int index, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var path = string.Create(CultureInfo.InvariantCulture, $"Videos/{Uri.EscapeDataString(itemId)}/Subtitles/{index}");
        using var response = await SendAsync(connection, HttpMethod.Delete, path, null, authenticate: true, cancellationToken);
        LogDeleted(logger, itemId, index);
    }

    /// <summary>Asks Jellyfin to rescan one item (after writing a sidecar ourselves); the result shows ~0.5 s later.</summary>
    public async Task RefreshItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        using var response = await SendAsync(connection, HttpMethod.Post,
            $"Items/{Uri.EscapeDataString(itemId)}/Refresh?metadataRefreshMode=Default&imageRefreshMode=None", null, authenticate: true, cancellationToken);
    }

    /// <summary>Whether <paramref name="value"/> can be a Jellyfin item id: 32 hex digits, with or without dashes.</summary>
    public static bool IsItemId(string? value) =>
        value is not null && (Guid.TryParseExact(value, "N", out _) || Guid.TryParseExact(value, "D", out _));

    internal static bool SameId(string a, string b) =>
        string.Equals(a.Replace("-", "", StringComparison.Ordinal), b.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private static string ItemsPath(JellyfinItemQuery query)
    {
        var parts = new List<string>
        {
            "recursive=true",
            "includeItemTypes=" + VideoItemTypes,
            "fields=" + ItemFields,
            "enableImages=false",
            "enableUserData=false",
            "enableTotalRecordCount=false",
            "sortBy=SortName,Id",
            "sortOrder=Ascending",
        };
        if (query.ParentId is not null)
        {
            parts.Add("parentId=" + Uri.EscapeDataString(query.ParentId));
        }

        if (query.Ids is { Count: > 0 } ids)
        {
            // A single unparseable id would make Jellyfin ignore the filter and list everything.
            if (ids.Any(id => !IsItemId(id)))
            {
                throw new ArgumentException("Every id of an item query must be a Jellyfin item id (a GUID).", nameof(query));
            }

            parts.Add("ids=" + string.Join(',', ids.Select(Uri.EscapeDataString)));
        }

        if (query.StartIndex > 0)
        {
            parts.Add("startIndex=" + query.StartIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Limit is { } limit)
        {
            parts.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        }

        if (query.MinDateLastSaved is { } since)
        {
            parts.Add("minDateLastSaved=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));
        }

        return "Items?" + string.Join('&', parts);
    }

    private async Task<JellyfinConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        await connections.GetAsync(cancellationToken)
        ?? throw new MediaSourceException("source_not_configured", "No Jellyfin server is configured: enter its address and an API key in the settings.");

    private async Task<T> GetJsonAsync<T>(JellyfinConnection connection, string path, JsonTypeInfo<T> type, bool authenticate, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, HttpMethod.Get, path, null, authenticate, cancellationToken);
        return await ReadJsonAsync(response, type, cancellationToken);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new MediaSourceException("not_jellyfin", "The server answered with an empty body where Jellyfin sends JSON.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new MediaSourceException("not_jellyfin", "The server's answer is not the JSON Jellyfin sends: is the address really a Jellyfin server?", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        JellyfinConnection connection, HttpMethod method, string relativePath, HttpContent? content, bool authenticate, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseWithSlash(connection.BaseUrl), relativePath)) { Content = content };
        if (authenticate)
        {
            request.Headers.TryAddWithoutValidation(JellyfinAuthorization.HeaderName, JellyfinAuthorization.HeaderValue(options.Value, connection.ApiKey));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaSourceException("source_unreachable", $"Jellyfin at {connection.BaseUrl} cannot be reached ({ex.Message}): check the address and that the server is running.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new MediaSourceException("source_unreachable", $"Jellyfin at {connection.BaseUrl} failed repeatedly; FluxCaption pauses calls to it for a moment.", ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaSourceException("source_timeout", $"Jellyfin at {connection.BaseUrl} did not answer {method} {PathOnly(relativePath)} in time.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            LogFailed(logger, method.Method, PathOnly(relativePath), (int)response.StatusCode);
            throw Failure(response.StatusCode, method, PathOnly(relativePath), body);
        }
    }

    internal static MediaSourceException Failure(HttpStatusCode status, HttpMethod method, string path, string body)
    {
        var detail = body.Length > 300 ? body[..300] : body;
        return status switch
        {
            HttpStatusCode.Unauthorized => new MediaSourceException("source_unauthorized",
                "Jellyfin refused the API key (401): create a key in Dashboard > API Keys and enter it in the settings."),
            HttpStatusCode.Forbidden => new MediaSourceException("source_forbidden",
                "Jellyfin accepted the key but refused the request (403): the key must be an API key or belong to an administrator."),
            HttpStatusCode.NotFound => new MediaSourceException("item_not_found", $"Jellyfin has no such item ({method} {path} gave 404)."),
            HttpStatusCode.BadRequest => new MediaSourceException("source_bad_request", $"Jellyfin refused {method} {path} (400): {detail}"),
            _ => new MediaSourceException("source_error", $"Jellyfin failed {method} {path} with {(int)status}: {detail}"),
        };
    }

    internal static Uri BaseWithSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    // Query strings may carry ids, never the key (it travels in the header), but keep logs short.
    private static string PathOnly(string relativePath) => "/" + relativePath.Split('?')[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jellyfin answered {Method} {Path} with {StatusCode}")]
    private static partial void LogFailed(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded a {Format} subtitle ({Language}) to Jellyfin item {ItemId}")]
    private static partial void LogUploaded(ILogger logger, string itemId, string language, string format);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted subtitle stream {Index} of Jellyfin item {ItemId}")]
    private static partial void LogDeleted(ILogger logger, string itemId, int index);
}

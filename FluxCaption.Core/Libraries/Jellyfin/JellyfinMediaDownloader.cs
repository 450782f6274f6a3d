using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// Typed HttpClient that copies an item's original file from Jellyfin (<c>GET /Videos/{id}/stream?static=true</c>)
/// for a worker whose host does not see Jellyfin's media paths. The body streams to a <c>.partial</c> file, a
/// connection that drops or stalls is resumed with HTTP Range, and the copy is renamed only when its length
/// matches what Jellyfin announced. Its pipeline (see <see cref="JellyfinServiceCollectionExtensions"/>) retries
/// connection failures only; the JSON client's short attempt timeouts would cut a large file off.
/// </summary>
public sealed partial class JellyfinMediaDownloader(
    HttpClient http,
    IJellyfinConnectionProvider connections,
    IOptions<JellyfinOptions> options,
    ILogger<JellyfinMediaDownloader> logger)
{
    private const int BufferSize = 128 * 1024;
    private const long UnknownSizeLogStep = 256L * 1024 * 1024;

    /// <summary>Downloads the file into <paramref name="tempFolder"/> and returns the complete copy's path; the caller deletes it.</summary>
    public async Task<string> DownloadAsync(JellyfinMediaFile media, string tempFolder, CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(cancellationToken)
            ?? throw new MediaSourceException("source_not_configured", "No Jellyfin server is configured: enter its address and an API key in the settings.");
        var folder = Path.GetFullPath(tempFolder);
        var stem = Path.Combine(folder, $"jellyfin-{SafeName(media.ItemId)}-{Guid.NewGuid():N}");
        var partial = stem + ".partial";
        try
        {
            Directory.CreateDirectory(folder);
            var state = new DownloadState(media, folder);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await CopyAsync(connection, state, file, cancellationToken);
            }

            var complete = stem + JellyfinMediaExtension.For(media.Path, state.ContentType);
            File.Move(partial, complete);
            LogCompleted(logger, media.ItemId, state.Written, complete);
            return complete;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new MediaSourceException(MediaFileAccessCodes.NotReadable,
                $"Writing the copy of \"{media.Title}\" into {folder} failed ({ex.Message}): check that the folder is writable and its disk not full.", ex);
        }
        catch
        {
            // Cancelled, refused or broken: a half file must not outlive the attempt.
            TryDelete(partial);
            throw;
        }
    }

    private async Task CopyAsync(JellyfinConnection connection, DownloadState state, FileStream file, CancellationToken cancellationToken)
    {
        var maxResumes = options.Value.MediaDownloadMaxResumes;

        // Not a retry of the same request (the resilience pipeline does those, for connections that fail before
        // any answer): each pass asks only for the bytes not yet on disk, after a body that broke off mid-way,
        // which the pipeline cannot see because it is done once the headers have arrived.
        for (var resumes = 0; ; resumes++)
        {
            using (var response = await SendAsync(connection, state, cancellationToken))
            {
                Accept(response, state, file);
                if (resumes == 0 && state.Total is { } total)
                {
                    MediaDiskSpace.Ensure(state.Folder, total, options.Value.MediaDownloadReserveBytes, state.Media.Title);
                }

                try
                {
                    await ReadBodyAsync(response, state, file, cancellationToken);
                    if (state.Total is not { } expected || state.Written == expected)
                    {
                        await file.FlushAsync(cancellationToken);
                        return;
                    }

                    if (state.Written > expected)
                    {
                        throw new MediaSourceException("source_error",
                            $"Jellyfin sent {state.Written} bytes of \"{state.Media.Title}\" where it announced {expected}; the copy is discarded.");
                    }

                    throw new BrokenBodyException($"the body ended at {state.Written} of {expected} bytes", null);
                }
                catch (BrokenBodyException broken) when (resumes < maxResumes)
                {
                    LogResuming(logger, state.Media.ItemId, state.Written, broken.Message, resumes + 1, maxResumes);
                }
                catch (BrokenBodyException broken)
                {
                    throw new MediaSourceException("source_unreachable",
                        $"The download of \"{state.Media.Title}\" from Jellyfin at {connection.BaseUrl} broke off {maxResumes + 1} times "
                        + $"(last: {broken.Message}, {state.Written} bytes received); check the network between the worker and Jellyfin.", broken);
                }
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(JellyfinConnection connection, DownloadState state, CancellationToken cancellationToken)
    {
        var path = "Videos/" + Uri.EscapeDataString(state.Media.ItemId) + "/stream?static=true&mediaSourceId=" + Uri.EscapeDataString(state.Media.MediaSourceId);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(JellyfinClient.BaseWithSlash(connection.BaseUrl), path));
        request.Headers.TryAddWithoutValidation(JellyfinAuthorization.HeaderName, JellyfinAuthorization.HeaderValue(options.Value, connection.ApiKey));
        if (state.Written > 0)
        {
            request.Headers.Range = new RangeHeaderValue(state.Written, null);

            // If the file changed on the server since the first answer, the server sends it whole (200) instead.
            request.Headers.IfRange = state.Validator;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaSourceException("source_unreachable",
                $"Jellyfin at {connection.BaseUrl} cannot be reached to download \"{state.Media.Title}\" ({ex.Message}): check the address and that the server is running.", ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaSourceException("source_timeout",
                $"Jellyfin at {connection.BaseUrl} did not start sending \"{state.Media.Title}\" in time.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ErrorBodyAsync(response, cancellationToken);
            LogRefused(logger, state.Media.ItemId, (int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                throw new MediaSourceException("source_error",
                    $"Jellyfin cannot continue the download of \"{state.Media.Title}\" at byte {state.Written} (416): the file shrank on the server.");
            }

            throw JellyfinClient.Failure(response.StatusCode, HttpMethod.Get, $"/Videos/{state.Media.ItemId}/stream", body);
        }
    }

    private void Accept(HttpResponseMessage response, DownloadState state, FileStream file)
    {
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From != state.Written)
            {
                throw new MediaSourceException("source_error",
                    $"Jellyfin answered the resume of \"{state.Media.Title}\" at byte {state.Written} with another range ({range}); the copy is discarded.");
            }

            state.Total = range.Length ?? state.Total;
            return;
        }

        // A whole file: the first answer, or a resume the server would not honour (no ranges, or the file changed).
        if (state.Written > 0)
        {
            LogRestarting(logger, state.Media.ItemId, state.Written);
            file.SetLength(0);
            file.Position = 0;
            state.Written = 0;
            state.LoggedStep = 0;
        }

        state.Total = response.Content.Headers.ContentLength;
        state.ContentType = response.Content.Headers.ContentType?.MediaType;
        state.Validator = response.Headers.ETag is { IsWeak: false } tag ? new RangeConditionHeaderValue(tag)
            : response.Content.Headers.LastModified is { } modified ? new RangeConditionHeaderValue(modified)
            : null;
    }

    private async Task ReadBodyAsync(HttpResponseMessage response, DownloadState state, FileStream file, CancellationToken cancellationToken)
    {
        var stallTimeout = options.Value.MediaDownloadStallTimeout;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                // No total timeout: only a connection that sends nothing for this long is given up (and resumed).
                stall.CancelAfter(stallTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, stall.Token);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new BrokenBodyException($"no byte for {stallTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", ex);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    throw new BrokenBodyException(ex.Message, ex);
                }

                if (read == 0)
                {
                    return;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                state.Written += read;
                ReportProgress(state);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReportProgress(DownloadState state)
    {
        // Every tenth of a known size; every 256 MiB when the server sent no length.
        var step = state.Total is { } total and > 0 ? state.Written * 10 / total : state.Written / UnknownSizeLogStep;
        if (step > state.LoggedStep)
        {
            state.LoggedStep = step;
            LogProgress(logger, state.Media.ItemId, state.Total is { } known and > 0 ? (int)(state.Written * 100 / known) : null, state.Written, state.Total);
        }
    }

    // Only for the message: a connection lost while reading an error body must not hide the status.
    private static async Task<string> ErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temp cleanup removes what is left; the original failure is the one to report.
        }
    }

    // Item ids are hex; anything else a database might hold must not steer the file name.
    private static string SafeName(string itemId) => new([.. itemId.Where(char.IsAsciiLetterOrDigit).Take(32)]);

    private sealed class DownloadState(JellyfinMediaFile media, string folder)
    {
        public JellyfinMediaFile Media { get; } = media;

        public string Folder { get; } = folder;

        public long Written { get; set; }

        public long? Total { get; set; }

        public string? ContentType { get; set; }

        public RangeConditionHeaderValue? Validator { get; set; }

        public long LoggedStep { get; set; }
    }

    private sealed class BrokenBodyException(string message, Exception? inner) : Exception(message, inner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading Jellyfin item {ItemId}: {Percent}% ({Written} of {Total} bytes)")]
    private static partial void LogProgress(ILogger logger, string itemId, int? percent, long written, long? total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloaded Jellyfin item {ItemId} ({Bytes} bytes) to {Path}")]
    private static partial void LogCompleted(ILogger logger, string itemId, long bytes, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download of Jellyfin item {ItemId} broke off at byte {Written} ({Reason}); resuming ({Resume} of {MaxResumes})")]
    private static partial void LogResuming(ILogger logger, string itemId, long written, string reason, int resume, int maxResumes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jellyfin sent item {ItemId} whole instead of resuming at byte {Written}; starting over")]
    private static partial void LogRestarting(ILogger logger, string itemId, long written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jellyfin refused the download of item {ItemId} with {StatusCode}")]
    private static partial void LogRefused(ILogger logger, string itemId, int statusCode);
}

/// <summary>The file <see cref="JellyfinMediaDownloader"/> fetches: the item, its media source, a title for messages, and Jellyfin's path (for the extension).</summary>
public sealed record JellyfinMediaFile(string ItemId, string MediaSourceId, string Title, string? Path);

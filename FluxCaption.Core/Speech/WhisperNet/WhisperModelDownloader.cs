using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>
/// Fetches one model file into &lt;file&gt;.partial, resuming with an HTTP Range request where an earlier
/// attempt stopped, checks its SHA-1 and renames it into place. Failed requests are retried by the
/// "whisper-models" HttpClient's pipeline; a transfer whose connection drops is resumed by the
/// "whisper-model-download" pipeline. The exclusive handle on the partial file keeps a second process off it.
/// </summary>
public sealed partial class WhisperModelDownloader(
    IHttpClientFactory httpClientFactory,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<WhisperNetOptions> options,
    ILogger<WhisperModelDownloader> logger)
{
    public const string HttpClientName = "whisper-models";
    public const string ResumePipelineName = "whisper-model-download";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public async Task DownloadAsync(Uri baseUrl, string fileName, string sha1, string destination, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), fileName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DownloadTimeout);
        var partial = destination + ".partial";
        LogDownloadStarting(url, destination);
        try
        {
            await pipelines.GetPipeline(ResumePipelineName).ExecuteAsync(
                async token => await AttemptAsync(url, partial, token), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechRecognitionException(
                "speech_model_download_failed",
                $"Downloading {url} took longer than Speech:WhisperNet:DownloadTimeout ({options.Value.DownloadTimeout}); the part received stays in {partial} and the next attempt resumes it.",
                isTransient: true);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or Polly.ExecutionRejectedException)
        {
            throw new SpeechRecognitionException(
                "speech_model_download_failed",
                $"Downloading {url} failed ({e.Message}); the part received stays in {partial} and the next attempt resumes it.",
                isTransient: true,
                e);
        }

        await VerifyAndInstallAsync(url, partial, sha1, destination, cancellationToken);
    }

    private async Task AttemptAsync(Uri url, string partial, CancellationToken cancellationToken)
    {
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
        {
            // The partial file already holds everything the server has; the checksum decides whether it is right.
            return;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SpeechRecognitionException(
                "speech_model_missing",
                $"The model server has no {url.Segments[^1]} ({url} answered 404). Check Speech:WhisperNet:DownloadBaseUrl, or place the file in the models folder yourself.",
                isTransient: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SpeechRecognitionException(
                "speech_model_download_failed",
                $"The model server answered {(int)response.StatusCode} {response.ReasonPhrase} for {url}.",
                isTransient: true);
        }

        // Opened only once the server has the file, so a refused download leaves nothing behind.
        await using var file = OpenPartial(partial);
        if (response.StatusCode != HttpStatusCode.PartialContent && offset > 0)
        {
            // The server ignored the Range header and sends the whole file: start over.
            LogRangeIgnored(url, offset);
            offset = 0;
        }

        file.SetLength(offset);
        file.Seek(offset, SeekOrigin.Begin);
        var total = response.Content.Headers.ContentLength is { } length ? offset + length : (long?)null;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await CopyWithProgressAsync(body, file, offset, total, url, cancellationToken);
    }

    private async Task CopyWithProgressAsync(Stream body, FileStream file, long offset, long? total, Uri url, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var received = offset;
        var lastReport = Stopwatch.StartNew();
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            received += read;
            if (lastReport.Elapsed >= ProgressInterval)
            {
                LogProgress(url, received, total, total is > 0 ? 100.0 * received / total.Value : null);
                lastReport.Restart();
            }
        }

        await file.FlushAsync(cancellationToken);
        LogProgress(url, received, total, 100.0);
    }

    private async Task VerifyAndInstallAsync(Uri url, string partial, string sha1, string destination, CancellationToken cancellationToken)
    {
        string actual;
        await using (var file = OpenPartial(partial))
        {
            actual = Convert.ToHexStringLower(await SHA1.HashDataAsync(file, cancellationToken));
        }

        if (!string.Equals(actual, sha1, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(partial);
            throw new SpeechRecognitionException(
                "speech_model_checksum_mismatch",
                $"The file downloaded from {url} has SHA-1 {actual}, not the published {sha1}; it was deleted. The server does not serve the published model.",
                isTransient: false);
        }

        File.Move(partial, destination, overwrite: false);
        LogInstalled(destination, sha1);
    }

    private static FileStream OpenPartial(string partial)
    {
        try
        {
            return new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (IOException e) when (File.Exists(partial))
        {
            throw new SpeechRecognitionException(
                "speech_model_download_failed",
                $"{partial} is being written by another process; the model will be there when it finishes.",
                isTransient: true,
                e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Downloading whisper model {Url} to {Destination}")]
    private partial void LogDownloadStarting(Uri url, string destination);

    [LoggerMessage(LogLevel.Information, "Whisper model {Url}: {ReceivedBytes} of {TotalBytes} bytes ({Percent:F0}%)")]
    private partial void LogProgress(Uri url, long receivedBytes, long? totalBytes, double? percent);

    [LoggerMessage(LogLevel.Warning, "{Url} ignored the range request from byte {Offset}; downloading the whole file again")]
    private partial void LogRangeIgnored(Uri url, long offset);

    [LoggerMessage(LogLevel.Information, "Whisper model installed at {Destination} (SHA-1 {Sha1} verified)")]
    private partial void LogInstalled(string destination, string sha1);
}

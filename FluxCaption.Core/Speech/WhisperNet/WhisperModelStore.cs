using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>
/// Turns a model name or path into a local ggml file: an absolute path is used as it is; a name is
/// ggml-&lt;name&gt;.bin in the models folder, downloaded on first use when a download address is set.
/// Concurrent first uses of one file share a single download.
/// </summary>
public sealed partial class WhisperModelStore
{
    private readonly WhisperModelCatalog _catalog;
    private readonly WhisperModelDownloader _downloader;
    private readonly IOptions<WhisperNetOptions> _options;
    private readonly ILogger<WhisperModelStore> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _downloads = new(StringComparer.Ordinal);

    public WhisperModelStore(
        WhisperModelCatalog catalog,
        WhisperModelDownloader downloader,
        IOptions<WhisperNetOptions> options,
        ILogger<WhisperModelStore> logger)
    {
        _catalog = catalog;
        _downloader = downloader;
        _options = options;
        _logger = logger;
    }

    /// <summary>The local file of <paramref name="model"/> (null: the configured default), downloading it if it must and can.</summary>
    public async Task<string> GetModelPathAsync(string? model, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var requested = string.IsNullOrWhiteSpace(model) ? options.Model.Trim() : model.Trim();
        if (Path.IsPathFullyQualified(requested))
        {
            return File.Exists(requested)
                ? requested
                : throw new SpeechRecognitionException("speech_model_missing", $"The whisper model file {requested} does not exist.", isTransient: false);
        }

        if (requested.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0 || requested.StartsWith('.'))
        {
            throw new SpeechRecognitionException(
                "speech_model_missing",
                $"'{requested}' is neither a whisper model name (such as base or large-v3-turbo) nor an absolute path to a ggml file.",
                isTransient: false);
        }

        var fileName = WhisperModelCatalog.FileName(requested);
        var path = Path.Combine(options.ModelsFolder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        if (!_catalog.TryGetSha1(requested, out var sha1))
        {
            throw new SpeechRecognitionException(
                "speech_model_missing",
                $"Whisper model '{requested}' is not on this machine and is not a published model FluxCaption can download "
                + $"(known: {string.Join(", ", _catalog.Names)}). Place {fileName} in {options.ModelsFolder}, or give an absolute path.",
                isTransient: false);
        }

        if (options.DownloadSource is not { } baseUrl)
        {
            throw new SpeechRecognitionException(
                "speech_model_missing",
                $"Whisper model '{requested}' is not on this machine and no download address is set. Place the file {fileName} "
                + $"(SHA-1 {sha1}) in {options.ModelsFolder}, or set Speech:WhisperNet:DownloadBaseUrl to a server that serves it.",
                isTransient: false);
        }

        var gate = _downloads.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before may have finished this very download.
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(options.ModelsFolder);
                await _downloader.DownloadAsync(baseUrl, fileName, sha1, path, cancellationToken);
            }
            else
            {
                LogDownloadedMeanwhile(path);
            }
        }
        finally
        {
            gate.Release();
        }

        return path;
    }

    [LoggerMessage(LogLevel.Debug, "Whisper model {Path} was downloaded by a concurrent request")]
    private partial void LogDownloadedMeanwhile(string path);
}

using System.ComponentModel;
using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Media;

/// <summary>
/// ffmpeg through FFMpegCore: one stream mapped by index into a temp file under Media:TempDirectory/extract,
/// read and deleted. Tracks already in their output format are copied byte for byte (ASS styles survive);
/// mov_text and plain text are converted to SRT.
/// </summary>
public sealed class SubtitleExtractor(IOptions<MediaOptions> options, ILogger<SubtitleExtractor> logger) : ISubtitleExtractor
{
    public async Task<FetchedSubtitle> ExtractAsync(string mediaPath, MediaTrack track, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaPath);
        ArgumentNullException.ThrowIfNull(track);
        var format = Validate(track);
        var settings = options.Value;
        MediaTools.EnsureInstalled(settings, "ffmpeg");
        if (!File.Exists(mediaPath))
        {
            throw new MediaToolException(MediaToolException.FileNotFound, $"The media file '{mediaPath}' does not exist.");
        }

        var folder = Directory.CreateDirectory(Path.Combine(settings.TempDirectory, "extract"));
        var output = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N") + SubtitleFile.Extension(format));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ExtractTimeout);
        try
        {
            await RunFfmpegAsync(mediaPath, track, format, output, settings, timeout.Token);
            var bytes = await File.ReadAllBytesAsync(output, cancellationToken);
            return new FetchedSubtitle(SubtitleTextDecoder.Decode(bytes).Text, format);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaToolException(MediaToolException.TimedOut,
                $"ffmpeg did not finish extracting stream {track.Index} of '{mediaPath}' within {settings.ExtractTimeout} (Media:ExtractTimeout).");
        }
        catch (OperationCanceledException)
        {
            // FFMpegCore raises its own cancellation exception; callers expect theirs.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (SubtitleEncodingException exception)
        {
            throw new MediaToolException(MediaToolException.UnreadableFile,
                $"Stream {track.Index} of '{mediaPath}' did not extract to readable text: {exception.Message}", exception);
        }
        finally
        {
            TryDelete(output);
        }
    }

    private static SubtitleFormat Validate(MediaTrack track)
    {
        if (track.Kind != MediaTrackKind.Subtitle || track.IsExternal || track.Index is null)
        {
            throw new MediaToolException(MediaToolException.NotExtractable,
                "Only an embedded subtitle stream with a known stream index can be extracted.");
        }

        if (!track.IsText || SubtitleCodecs.ExtractFormat(track.Codec) is not { } format)
        {
            throw new MediaToolException(MediaToolException.BitmapTrack,
                $"Subtitle stream {track.Index} is '{track.Codec}', a picture subtitle: it holds images, not text, and needs OCR.");
        }

        return format;
    }

    private async Task RunFfmpegAsync(
        string mediaPath, MediaTrack track, SubtitleFormat format, string output, MediaOptions settings, CancellationToken cancellationToken)
    {
        var (codec, muxer) = Arguments(track.Codec!, format);
        var index = track.Index!.Value.ToString(CultureInfo.InvariantCulture);
        var processor = FFMpegArguments
            .FromFileInput(mediaPath, verifyExists: false)
            .OutputToFile(output, overwrite: true, arguments => arguments.WithCustomArgument($"-map 0:{index} -c:s {codec} -f {muxer}"))
            // No grace period: a half-written subtitle is worthless, so ffmpeg is killed at once.
            .CancellableThrough(cancellationToken, TimeSpan.Zero);
        FFMpegResult result;
        try
        {
            result = await processor.ProcessAsynchronously(throwOnError: false, MediaTools.FFOptions(settings));
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException(MediaToolException.ToolMissing, $"ffmpeg could not be started: {exception.Message}", exception);
        }
        catch (FFMpegException exception)
        {
            throw new MediaToolException(MediaToolException.UnreadableFile,
                $"ffmpeg could not extract stream {index} of '{mediaPath}': {exception.Message}", exception);
        }

        if (result.Cancelled)
        {
            throw new OperationCanceledException("ffmpeg was killed: the extraction was cancelled.", cancellationToken);
        }

        if (!result.Success)
        {
            var error = string.Join(" | ", result.StandardError.Where(line => !string.IsNullOrWhiteSpace(line)).TakeLast(3));
            logger.LogDebug("ffmpeg exited with {ExitCode} extracting stream {Index} of {Path}: {Error}", result.ExitCode, index, mediaPath, error);
            throw new MediaToolException(MediaToolException.UnreadableFile,
                $"ffmpeg could not extract stream {index} of '{mediaPath}' (exit code {result.ExitCode}): {error}");
        }
    }

    private static (string Codec, string Muxer) Arguments(string sourceCodec, SubtitleFormat format) => format switch
    {
        SubtitleFormat.Ass => ("copy", "ass"),
        SubtitleFormat.WebVtt => ("copy", "webvtt"),
        _ when sourceCodec is "subrip" or "srt" => ("copy", "srt"),
        _ => ("srt", "srt"),
    };

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not delete extracted subtitle {Path}", path);
        }
        catch (UnauthorizedAccessException exception)
        {
            logger.LogWarning(exception, "Could not delete extracted subtitle {Path}", path);
        }
    }
}

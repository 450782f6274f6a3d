using System.ComponentModel;
using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// ffprobe finds the stream and its start time; ffmpeg through FFMpegCore decodes it once to 16 kHz mono
/// 16-bit PCM, the input every Whisper implementation expects.
/// </summary>
public sealed class AudioExtractor(
    IOptions<MediaOptions> mediaOptions, IOptions<SpeechAudioOptions> audioOptions, ILogger<AudioExtractor> logger) : IAudioExtractor
{
    public const int SampleRate = 16000;

    public async Task<ExtractedAudio> ExtractAsync(
        string mediaPath, MediaTrack? audioTrack, string wavPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(wavPath);
        var media = mediaOptions.Value;
        var settings = audioOptions.Value;
        MediaTools.EnsureInstalled(media, "ffprobe");
        MediaTools.EnsureInstalled(media, "ffmpeg");
        if (!File.Exists(mediaPath))
        {
            throw new MediaToolException(MediaToolException.FileNotFound, $"The media file '{mediaPath}' does not exist.");
        }

        if (audioTrack is not null && (audioTrack.Kind != MediaTrackKind.Audio || audioTrack.IsExternal || audioTrack.Index is null))
        {
            throw new MediaToolException(MediaToolException.NotExtractable,
                "Only an embedded audio stream with a known stream index can be decoded for speech recognition.");
        }

        var analysis = await AnalyseAsync(mediaPath, media, cancellationToken);
        var stream = audioTrack is null
            ? analysis.AudioStreams.OrderBy(candidate => candidate.Index).FirstOrDefault()
            : analysis.AudioStreams.FirstOrDefault(candidate => candidate.Index == audioTrack.Index);
        if (stream is null)
        {
            throw audioTrack is null
                ? new MediaToolException(MediaToolException.NoAudio, $"'{mediaPath}' has no audio stream: there is no speech to recognise.")
                : new MediaToolException(MediaToolException.NoAudio,
                    $"'{mediaPath}' has no audio stream with index {audioTrack.Index}; the file changed since it was read, read it again.");
        }

        // Players start the picture at the file's start time; an audio stream that starts later plays that much later.
        var offset = stream.StartTime - analysis.Format.StartTime;
        if (offset < TimeSpan.Zero)
        {
            offset = TimeSpan.Zero;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(wavPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var index = stream.Index.ToString(CultureInfo.InvariantCulture);
        var processor = FFMpegArguments
            .FromFileInput(mediaPath, verifyExists: false)
            .OutputToFile(wavPath, overwrite: true, arguments => arguments.WithCustomArgument(
                $"-map 0:{index} -vn -sn -dn -ac 1 -ar {SampleRate} -c:a pcm_s16le -f wav"));
        try
        {
            await FfmpegRun.RunAsync(processor, media, settings.ExtractTimeout,
                $"decoding audio stream {index} of '{mediaPath}'", "Speech:Audio:ExtractTimeout", cancellationToken);
        }
        catch
        {
            TryDelete(wavPath);
            throw;
        }

        var format = WavFormat.Read(wavPath);
        logger.LogDebug("Decoded audio stream {Index} of {Path}: {Duration} starting at {Offset}", index, mediaPath, format.Duration, offset);
        return new ExtractedAudio(wavPath, offset, format.Duration, stream.Index);
    }

    private static async Task<IMediaAnalysis> AnalyseAsync(string path, MediaOptions media, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(media.ProbeTimeout);
        try
        {
            return await FFProbe.AnalyseAsync(path, MediaTools.FFOptions(media), null, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaToolException(MediaToolException.TimedOut,
                $"ffprobe did not finish reading '{path}' within {media.ProbeTimeout} (Media:ProbeTimeout).");
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException(MediaToolException.ToolMissing, $"ffprobe could not be started: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is FFMpegException or FFProbeException or System.Text.Json.JsonException
            or UnauthorizedAccessException or IOException)
        {
            throw new MediaToolException(MediaToolException.UnreadableFile,
                $"ffprobe could not read '{path}': it is not a media file, is damaged, or cannot be opened.", exception);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not delete the partial audio file {Path}", path);
        }
    }
}

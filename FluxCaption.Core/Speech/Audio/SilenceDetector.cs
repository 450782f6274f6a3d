using System.Globalization;
using FFMpegCore;
using FluxCaption.Core.Media;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>ffmpeg's <c>silencedetect</c> filter over the WAV (no model needed), its log lines read back as spans.</summary>
public sealed class SilenceDetector(IOptions<MediaOptions> mediaOptions, IOptions<SpeechAudioOptions> audioOptions) : ISilenceDetector
{
    public async Task<IReadOnlyList<SilenceSpan>> DetectAsync(string wavPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wavPath);
        var media = mediaOptions.Value;
        var settings = audioOptions.Value;
        MediaTools.EnsureInstalled(media, "ffmpeg");
        if (!File.Exists(wavPath))
        {
            throw new MediaToolException(MediaToolException.FileNotFound, $"The audio file '{wavPath}' does not exist.");
        }

        WavFormat format;
        try
        {
            format = WavFormat.Read(wavPath);
        }
        catch (InvalidDataException exception)
        {
            throw new MediaToolException(MediaToolException.UnreadableFile, exception.Message, exception);
        }

        var noise = settings.SilenceNoiseDecibels.ToString("0.##", CultureInfo.InvariantCulture);
        var minimum = settings.SilenceMinimumDuration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        // The null muxer decodes and filters without writing anything; silencedetect reports at info level on stderr.
        var processor = FFMpegArguments
            .FromFileInput(wavPath, verifyExists: false)
            .OutputToFile("-", overwrite: false, arguments => arguments
                .WithCustomArgument($"-af silencedetect=noise={noise}dB:d={minimum} -f null"));
        var lines = await FfmpegRun.RunAsync(processor.WithLogLevel(FFMpegCore.Enums.FFMpegLogLevel.Info), media, settings.SilenceTimeout,
            $"detecting silences in '{wavPath}'", "Speech:Audio:SilenceTimeout", cancellationToken);
        return SilenceLog.Parse(lines, format.Duration);
    }
}

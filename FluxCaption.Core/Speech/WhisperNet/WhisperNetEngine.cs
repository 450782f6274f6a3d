using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Whisper.net;
using Whisper.net.Wave;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>
/// Speech recognition in the worker process with Whisper.net (whisper.cpp on the CPU). The model comes
/// from <see cref="WhisperModelStore"/> and stays loaded in <see cref="WhisperModelCache"/>; each window
/// gets its own processor, so windows of different jobs may run side by side on one loaded model.
/// </summary>
public sealed partial class WhisperNetEngine(
    WhisperModelStore store,
    WhisperModelCache cache,
    IOptions<WhisperNetOptions> options,
    ILogger<WhisperNetEngine> logger) : ISpeechRecognitionEngine
{
    private const int SampleRate = 16000;

    public string Name => SpeechEngineNames.WhisperNet;

    public async Task<WindowTranscript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var whisperLanguage = request.Language is null ? null : WhisperLanguages.ToWhisper(request.Language);
        var samples = await ReadSamplesAsync(request.WavPath, cancellationToken);
        var duration = TimeSpan.FromSeconds((double)samples.Length / SampleRate);

        var modelPath = await store.GetModelPathAsync(request.Model, cancellationToken);
        using var lease = await cache.AcquireAsync(modelPath, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.WindowTimeout);

        var builder = lease.Factory.CreateBuilder()
            .WithThreads(settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount)
            .WithLanguage(whisperLanguage ?? "auto")
            .WithTokenTimestamps()
            .WithProbabilities();
        if (!string.IsNullOrWhiteSpace(request.Prompt))
        {
            builder = builder.WithPrompt(request.Prompt.Trim());
        }

        var segments = new List<TranscribedSegment>();
        string? detected = null;
        try
        {
            await using var processor = builder.Build();
            await foreach (var segment in processor.ProcessAsync(samples, timeout.Token))
            {
                detected ??= segment.Language;
                if (WhisperSegments.ToSegment(segment, duration) is { } transcribed)
                {
                    segments.Add(transcribed);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechRecognitionException(
                "speech_timeout",
                $"Whisper.net took longer than Speech:WhisperNet:WindowTimeout ({settings.WindowTimeout}) for a {duration.TotalSeconds:F1} s window of {request.WavPath} with {Path.GetFileName(modelPath)}.",
                isTransient: true);
        }
        catch (WhisperProcessingException e)
        {
            throw new SpeechRecognitionException(
                "speech_engine_error",
                $"whisper.cpp failed on {request.WavPath} with {Path.GetFileName(modelPath)} (error {e.ErrorCode}).",
                isTransient: false,
                e);
        }

        var language = request.Language ?? WhisperLanguages.ToCanonical(detected);
        LogTranscribed(request.WavPath, Path.GetFileName(modelPath), language, segments.Count, duration.TotalSeconds);
        return new WindowTranscript(language, segments);
    }

    private static async Task<float[]> ReadSamplesAsync(string wavPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(wavPath);
            var wave = new WaveParser(stream);
            await wave.InitializeAsync(cancellationToken);
            if (wave.SampleRate != SampleRate)
            {
                throw new SpeechRecognitionException(
                    "speech_bad_audio", $"{wavPath} is sampled at {wave.SampleRate} Hz; Whisper needs 16000 Hz mono audio.", isTransient: false);
            }

            return await wave.GetAvgSamplesAsync(cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SpeechRecognitionException("speech_bad_audio", $"The audio window {wavPath} does not exist.", isTransient: false, e);
        }
        catch (Exception e) when (e is CorruptedWaveException or NotSupportedWaveException or EndOfStreamException)
        {
            throw new SpeechRecognitionException("speech_bad_audio", $"{wavPath} is not a 16 kHz PCM WAV file Whisper.net can read: {e.Message}", isTransient: false, e);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Transcribed {WavPath} with {Model}: language {Language}, {SegmentCount} segments in {Seconds:F1} s of audio")]
    private partial void LogTranscribed(string wavPath, string model, string? language, int segmentCount, double seconds);
}

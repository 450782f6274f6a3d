using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// The "FluxCaption.Speech" meter's HTTP engine measurements: windows sent, failures by error code,
/// latency, and audio seconds transcribed, tagged by engine and model (see docs/telemetry.md).
/// </summary>
internal static class HttpSpeechTelemetry
{
    public const string Name = "FluxCaption.Speech";

    private static readonly Meter Meter = new(Name);

    /// <summary>Windows by engine, model and outcome (succeeded, error).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "fluxcaption.speech.requests", "{request}", "Speech engine requests (one per audio window) by engine, model and outcome");

    /// <summary>Windows that failed after the engine's resilience pipeline gave up, by engine, model and error.type (the exception's code).</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "fluxcaption.speech.errors", "{error}", "Speech engine requests that failed, by engine, model and error type");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "fluxcaption.speech.request.duration", "s", "Speech engine request latency by engine and model");

    public static readonly Counter<double> AudioSeconds = Meter.CreateCounter<double>(
        "fluxcaption.speech.audio", "s", "Audio transcribed successfully, by engine and model");

    /// <summary>Runs one window's transcription and records it; a failure is counted by its code and propagates.</summary>
    public static async Task<WindowTranscript> MeasureAsync(string engine, string? model, TimeSpan audio, Func<Task<WindowTranscript>> transcribe)
    {
        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { { "engine", engine } };
        if (!string.IsNullOrWhiteSpace(model))
        {
            tags.Add("model", model);
        }

        try
        {
            var transcript = await transcribe();
            AudioSeconds.Add(audio.TotalSeconds, tags);
            Count(tags, "succeeded");
            return transcript;
        }
        catch (SpeechRecognitionException exception)
        {
            var errorTags = tags;
            errorTags.Add("error.type", exception.Code);
            Errors.Add(1, errorTags);
            Count(tags, "error");
            throw;
        }
        finally
        {
            RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private static void Count(TagList tags, string outcome)
    {
        tags.Add("outcome", outcome);
        Requests.Add(1, tags);
    }
}

using System.ComponentModel.DataAnnotations;
using FluxCaption.Core.Speech.Http;

namespace FluxCaption.Core.Speech.OpenAi;

/// <summary>
/// The "openai" speech engine's settings (section "Speech:OpenAi"): any server speaking OpenAI's
/// POST /v1/audio/transcriptions (OpenAI, speaches, LocalAI, whisper.cpp server).
/// </summary>
public sealed class OpenAiTranscriptionOptions : HttpSpeechEngineOptions
{
    public const string SectionName = "Speech:OpenAi";

    /// <summary>Sent as a bearer token when set; local servers usually need none. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a job names none (speaches wants e.g. Systran/faster-whisper-small; whisper.cpp ignores it).</summary>
    [Required]
    public string Model { get; set; } = "whisper-1";

    /// <summary>
    /// The transcription path under <see cref="HttpSpeechEngineOptions.Endpoint"/>. whisper.cpp's server
    /// answers on /inference unless started with --inference-path /v1/audio/transcriptions.
    /// </summary>
    [Required]
    public string InferencePath { get; set; } = "/v1/audio/transcriptions";

    /// <summary>Ask for segment and word timestamps (timestamp_granularities[]); servers without them ignore the field.</summary>
    public bool WordTimestamps { get; set; } = true;

    public Uri TranscriptionUri
    {
        get
        {
            // An endpoint copied from the translation settings often ends in /v1 already.
            var path = InferencePath;
            if (Endpoint!.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.OrdinalIgnoreCase)
                && path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase))
            {
                path = path[3..];
            }

            return Resolve(path);
        }
    }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{nameof(Model)} must name a transcription model the server serves.", [nameof(Model)]);
        }

        if (string.IsNullOrWhiteSpace(InferencePath) || !InferencePath.StartsWith('/') || InferencePath.Contains('?'))
        {
            yield return new ValidationResult($"{nameof(InferencePath)} must be a path starting with '/' (e.g. /v1/audio/transcriptions or /inference).", [nameof(InferencePath)]);
        }
    }
}

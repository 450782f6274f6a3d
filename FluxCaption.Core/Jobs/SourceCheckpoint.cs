using System.Text.Json;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// What a library job carries into its <c>asr</c> stage, as jsonb in the job's checkpoint: the track
/// the acquire stage chose (an audio track for speech recognition or a bitmap subtitle track for OCR),
/// the preferred source languages, and, while the stage runs, how far it got (audio seconds done, the
/// ETA) for the Api and the Web app to show.
/// </summary>
public sealed record SourceCheckpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><see cref="Data.SourceTranscriptEntity.SpeechKind"/> or <see cref="Data.SourceTranscriptEntity.OcrKind"/>.</summary>
    public required string Kind { get; init; }

    public required MediaTrack Track { get; init; }

    public IReadOnlyList<string> SourceLanguages { get; init; } = [];

    /// <summary>Length of the audio being transcribed (speech only); null until known.</summary>
    public double? AudioSeconds { get; init; }

    /// <summary>Audio seconds transcribed so far, windows of silence included.</summary>
    public double? DoneSeconds { get; init; }

    /// <summary>Estimated seconds left, from the pace of this run; null until a window has finished.</summary>
    public double? EtaSeconds { get; init; }

    public string Write() => JsonSerializer.Serialize(this, Json);

    /// <summary>The checkpoint, or null when the job's checkpoint is not one (absent, or another stage's shape).</summary>
    public static SourceCheckpoint? TryRead(string? checkpoint)
    {
        if (string.IsNullOrWhiteSpace(checkpoint))
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize<SourceCheckpoint>(checkpoint, Json);
            return read is { Kind.Length: > 0, Track: not null } ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

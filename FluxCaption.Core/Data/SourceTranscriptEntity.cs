namespace FluxCaption.Core.Data;

/// <summary>
/// A source subtitle FluxCaption makes itself from a media item's track: a transcript of an audio
/// track (speech recognition) or the text read from a bitmap subtitle track (OCR). Keyed by (item,
/// track), so every target language of the item reuses one transcript. While it is being made,
/// <see cref="Progress"/> holds what is finished (the speech windows already transcribed), so a
/// worker killed mid-way resumes where it stopped.
/// </summary>
public sealed class SourceTranscriptEntity
{
    public const string SpeechKind = "speech";

    public const string OcrKind = "ocr";

    public Guid Id { get; set; }

    public Guid MediaItemId { get; set; }

    /// <summary>The track's identity (kind, index, codec, language, title): see Jobs.SourceTrackKey.</summary>
    public string TrackKey { get; set; } = "";

    /// <summary><see cref="SpeechKind"/> or <see cref="OcrKind"/>.</summary>
    public string Kind { get; set; } = SpeechKind;

    public string? Engine { get; set; }

    public string? Model { get; set; }

    /// <summary>Canonical BCP-47 tag of the text, given or detected; null until known.</summary>
    public string? Language { get; set; }

    /// <summary>jsonb: the work finished so far (see Speech.Transcription.TranscriptProgress); null before any.</summary>
    public string? Progress { get; set; }

    /// <summary>The finished subtitle; null while the transcript is being made.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>jsonb: what the user should know about the transcript (dropped hallucinations, empty captions), as job warnings.</summary>
    public string? Warnings { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

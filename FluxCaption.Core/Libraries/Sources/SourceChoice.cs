namespace FluxCaption.Core.Libraries.Sources;

/// <summary>How a gap can be filled from what an item has.</summary>
public enum SourceChoiceKind
{
    /// <summary>A text subtitle to translate.</summary>
    TextSubtitle,

    /// <summary>Only bitmap subtitles (PGS, VobSub): they must be read by OCR first.</summary>
    NeedsOcr,

    /// <summary>No usable subtitle: the audio must be transcribed first.</summary>
    NeedsSpeechRecognition,
}

/// <summary>
/// The track a gap's job starts from. <see cref="Track"/> is the subtitle to translate or to OCR, or
/// the audio track to transcribe (null when the source lists no audio at all).
/// </summary>
public sealed record SourceChoice(SourceChoiceKind Kind, MediaTrack? Track, string Reason);

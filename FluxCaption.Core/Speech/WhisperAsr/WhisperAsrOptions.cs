using FluxCaption.Core.Speech.Http;

namespace FluxCaption.Core.Speech.WhisperAsr;

/// <summary>
/// The "whisper-asr" speech engine's settings (section "Speech:WhisperAsr"): whisper-asr-webservice's
/// POST /asr and POST /detect-language. The model is the service's own (its ASR_MODEL), not chosen per request.
/// </summary>
public sealed class WhisperAsrOptions : HttpSpeechEngineOptions
{
    public const string SectionName = "Speech:WhisperAsr";

    /// <summary>
    /// encode=true has the service run ffmpeg on the upload (any format); false sends the bare 16 kHz
    /// mono 16-bit samples, which the service reads as they are and which saves it an ffmpeg run.
    /// </summary>
    public bool Encode { get; set; } = true;

    /// <summary>Ask for word timestamps (word_timestamps=true); cue shaping splits at them.</summary>
    public bool WordTimestamps { get; set; } = true;

    /// <summary>vad_filter=true: the service drops non-speech before decoding (its faster_whisper engine only; others ignore it).</summary>
    public bool VadFilter { get; set; }

    public Uri AsrUri => Resolve("/asr");

    public Uri DetectLanguageUri => Resolve("/detect-language");
}

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>Which of whisper-asr-webservice's ASR engines (its ASR_ENGINE) <see cref="ScriptedWhisperAsrServer"/> answers like.</summary>
public enum WhisperAsrFlavour
{
    /// <summary>openai_whisper: the Whisper result dict, words inside segments with a leading space, language code.</summary>
    OpenAiWhisper,

    /// <summary>faster_whisper: segments as dicts of faster-whisper's Segment ("words": null unless asked for), language code.</summary>
    FasterWhisper,

    /// <summary>faster_whisper in older builds: segments and words written as JSON arrays (Python NamedTuples).</summary>
    FasterWhisperTuples,

    /// <summary>whisperx: aligned segments, words with "score", no language in the reply.</summary>
    WhisperX,
}

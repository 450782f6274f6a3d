namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>Which server <see cref="ScriptedOpenAiTranscriptionServer"/> answers like.</summary>
public enum OpenAiTranscriptionFlavour
{
    /// <summary>OpenAI: language as an English name, top-level words when asked for, errors as {"error": {"message"}}.</summary>
    OpenAi,

    /// <summary>speaches: like OpenAI but the language as a code and "words": null inside segments.</summary>
    Speaches,

    /// <summary>whisper.cpp server on /inference: no model field, language as a name, word tokens inside each segment, no no_speech_prob, errors as 200 {"error": "..."}.</summary>
    WhisperCpp,

    /// <summary>LocalAI: segment times as Go durations (integer nanoseconds), no language, no words.</summary>
    LocalAi,
}

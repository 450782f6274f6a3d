namespace FluxCaption.Core.Speech;

/// <summary>The speech engine names jobs and settings use.</summary>
public static class SpeechEngineNames
{
    /// <summary>Whisper.net in the worker process (the default): whisper.cpp on the CPU, models by name or path.</summary>
    public const string WhisperNet = "whisper";

    /// <summary>Any service speaking OpenAI's <c>POST /v1/audio/transcriptions</c> (speaches, whisper.cpp server, LocalAI).</summary>
    public const string OpenAi = "openai";

    /// <summary>whisper-asr-webservice's <c>POST /asr</c>.</summary>
    public const string WhisperAsr = "whisper-asr";

    public static IReadOnlyList<string> All { get; } = [WhisperNet, OpenAi, WhisperAsr];
}

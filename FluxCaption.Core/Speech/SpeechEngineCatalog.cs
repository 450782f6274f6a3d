using Microsoft.Extensions.Configuration;

namespace FluxCaption.Core.Speech;

/// <summary>
/// The speech engines and whether this installation can use them: Whisper.net always (it runs in the
/// worker), the services only once their endpoint is configured. Read from configuration, so the Api
/// (which runs no engine) answers the same as the Worker that does.
/// </summary>
public static class SpeechEngineCatalog
{
    public static IReadOnlyList<SpeechEngineInfo> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            new SpeechEngineInfo(SpeechEngineNames.WhisperNet, true, "Whisper.net in the worker (CPU); models by name or path"),
            new SpeechEngineInfo(SpeechEngineNames.OpenAi, HasEndpoint(configuration, "Speech:OpenAi"),
                "An OpenAI-compatible transcription service (speaches, whisper.cpp server, LocalAI); set Speech:OpenAi:Endpoint"),
            new SpeechEngineInfo(SpeechEngineNames.WhisperAsr, HasEndpoint(configuration, "Speech:WhisperAsr"),
                "whisper-asr-webservice; set Speech:WhisperAsr:Endpoint"),
        ];
    }

    private static bool HasEndpoint(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:Endpoint"]);
}

/// <param name="IsConfigured">False for a service whose endpoint is not set: choosing it would fail every job.</param>
public sealed record SpeechEngineInfo(string Name, bool IsConfigured, string Description);

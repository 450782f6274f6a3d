using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech;

/// <summary>Finds the speech engine a transcript is made with, by name; an engine that is not configured is a clear error.</summary>
public sealed class SpeechEngineResolver(IEnumerable<ISpeechRecognitionEngine> engines, IOptions<SpeechOptions> options)
{
    public const string EngineUnknownCode = "speech_engine_unknown";

    /// <summary>The configured engine (Speech:Engine) and model (Speech:Model, null for the engine's default).</summary>
    public (ISpeechRecognitionEngine Engine, string? Model) Configured()
    {
        var name = options.Value.Engine;
        var engine = engines.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SpeechRecognitionException(EngineUnknownCode,
                $"Speech:Engine is \"{name}\", but that engine is not configured here (configured: {string.Join(", ", engines.Select(e => e.Name).DefaultIfEmpty("none"))}). "
                + "Set its endpoint (see docs/speech.md) or choose another engine.",
                isTransient: false);
        return (engine, string.IsNullOrWhiteSpace(options.Value.Model) ? null : options.Value.Model);
    }
}

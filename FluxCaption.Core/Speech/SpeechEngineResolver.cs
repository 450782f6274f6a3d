using FluxCaption.Core.Settings;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech;

/// <summary>
/// Finds the speech engine a transcript is made with: the one chosen in the settings, else the
/// configured one (Speech:Engine, Speech:Model). An engine that is not configured here is a clear error.
/// </summary>
public sealed class SpeechEngineResolver(IEnumerable<ISpeechRecognitionEngine> engines, IOptions<SpeechOptions> options, RuntimeSettings? settings = null)
{
    public const string EngineUnknownCode = "speech_engine_unknown";

    /// <summary>The engine to use now and its model (null for the engine's default).</summary>
    public async Task<(ISpeechRecognitionEngine Engine, string? Model)> ResolveAsync(CancellationToken cancellationToken)
    {
        var chosen = settings is null ? null : await settings.GetSpeechChoiceAsync(cancellationToken);
        var name = chosen?.Engine ?? options.Value.Engine;
        var model = chosen is not null ? chosen.Model : options.Value.Model;
        var engine = engines.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SpeechRecognitionException(EngineUnknownCode,
                $"The speech engine is \"{name}\", but that engine is not configured here (configured: {string.Join(", ", engines.Select(e => e.Name).DefaultIfEmpty("none"))}). "
                + "Set its endpoint (see docs/speech.md) or choose another engine in the settings.",
                isTransient: false);
        return (engine, string.IsNullOrWhiteSpace(model) ? null : model.Trim());
    }
}

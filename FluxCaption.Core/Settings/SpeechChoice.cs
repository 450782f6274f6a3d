namespace FluxCaption.Core.Settings;

/// <summary>The speech engine (see Speech.SpeechEngineNames) and model chosen in the settings; a null model means the engine's default.</summary>
public sealed record SpeechChoice(string Engine, string? Model);

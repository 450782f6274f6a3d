namespace FluxCaption.Core.Translation.Engines;

/// <summary>An engine a job may use, with its model (null = the engine's default; Apertium has none).</summary>
public sealed record EngineChoice(string Engine, string? Model = null)
{
    public override string ToString() => Model is null ? Engine : $"{Engine}:{Model}";
}

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>An installed apertium mode ("spa-eng_US") and the canonical language tags it translates between.</summary>
public sealed record ApertiumPair(string Mode, string SourceLanguage, string TargetLanguage);

namespace FluxCaption.Contracts.Libraries;

/// <summary>How many present items of a library lack <paramref name="Language"/>, a language an enabled rule wants there.</summary>
public sealed record MissingLanguageCount(string Language, int Items);

namespace FluxCaption.Core.Translation.Glossary;

/// <summary>
/// A fixed translation: wherever <see cref="Source"/> occurs in a line, its translation must contain
/// <see cref="Target"/>. Case-insensitive terms match in any letter case on both sides.
/// </summary>
public sealed record GlossaryTerm(string Source, string Target, bool CaseSensitive = false);

namespace FluxCaption.Core.Translation;

/// <summary>
/// What one engine reply was worth: per unit (keyed by its first cue) the accepted translation, still
/// with placeholders so each cue of the unit restores its own markup; or the reasons it was refused.
/// A line that is sound but leaves out a glossary term is not in <see cref="Accepted"/> but in
/// <see cref="GlossaryMisses"/>, so the caller can re-ask for it and, as a last resort, keep it with a warning.
/// </summary>
internal sealed record BatchValidation(
    IReadOnlyDictionary<int, string> Accepted,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<int, GlossaryMiss> GlossaryMisses)
{
    public bool Succeeded => Errors.Count == 0 && GlossaryMisses.Count == 0;

    /// <summary>Every line is usable; some only lack glossary terms.</summary>
    public bool OnlyGlossaryMisses => Errors.Count == 0 && GlossaryMisses.Count > 0;

    /// <summary>Everything wrong, for the log and for the re-ask.</summary>
    public IReadOnlyList<string> AllErrors => [.. Errors, .. GlossaryMisses.Values.Select(miss => miss.Error)];
}

/// <summary>A translation that passed every check but the glossary, and the error that says which term it lacks.</summary>
internal sealed record GlossaryMiss(string Text, string Error);

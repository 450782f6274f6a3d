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

    /// <summary>
    /// The reply answered every id asked for exactly once and nothing else. Only then can its sound
    /// lines be kept while others failed: with an id missing, doubled or invented, the lines may have
    /// slid onto their neighbours' ids and a sound-looking line may translate another cue.
    /// </summary>
    public bool Whole { get; init; }

    /// <summary>
    /// The reply left some ids out but doubled or invented none, and answered the last id asked. A model
    /// that merges or skips a line and slides the rest up one id runs out of lines before the last id,
    /// so a reply anchored at both ends kept its lines on their own ids; only the line before each gap
    /// may have swallowed the missing one, and is not taken (see <see cref="WithoutNeighboursOfGaps"/>).
    /// </summary>
    public bool Anchored { get; init; }

    /// <summary>Whether the reply's sound lines may be kept while others are asked again.</summary>
    public bool LineByLine => Whole || Anchored;

    /// <summary>Everything wrong, for the log and for the re-ask.</summary>
    public IReadOnlyList<string> AllErrors => [.. Errors, .. GlossaryMisses.Values.Select(miss => miss.Error)];

    /// <summary>The errors that name one of <paramref name="units"/> (they start "id N:"), for asking those again; null when none do.</summary>
    public IReadOnlyList<string>? ErrorsAbout(IEnumerable<TranslationUnit> units)
    {
        var prefixes = units.Select(u => $"id {TranslationValidator.Id(u.CueIndex)}:").ToList();
        List<string> about = [.. AllErrors.Where(e => prefixes.Any(p => e.StartsWith(p, StringComparison.Ordinal)))];
        return about.Count > 0 ? about : null;
    }

    public static bool IsAnchored(IReadOnlyList<TranslationUnit> units, IReadOnlyList<TranslatedSegment> replies)
    {
        var ids = replies.Select(r => r.Id.Trim()).ToList();
        var asked = units.Select(u => TranslationValidator.Id(u.CueIndex)).ToHashSet(StringComparer.Ordinal);
        return units.Count > 1
            && ids.Count > 0
            && ids.Count < units.Count
            && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count
            && ids.All(asked.Contains)
            && ids.Contains(TranslationValidator.Id(units[^1].CueIndex), StringComparer.Ordinal);
    }

    /// <summary>
    /// This validation without the lines just before a missing id: such a line may hold the missing one
    /// merged into it, so it is asked again together with it, with an error saying why.
    /// </summary>
    public BatchValidation WithoutNeighboursOfGaps(IReadOnlyList<TranslationUnit> units, IReadOnlyList<TranslatedSegment> replies)
    {
        var answered = replies.Select(r => r.Id.Trim()).ToHashSet(StringComparer.Ordinal);
        var accepted = new Dictionary<int, string>(Accepted);
        var misses = new Dictionary<int, GlossaryMiss>(GlossaryMisses);
        var errors = Errors.ToList();
        for (var i = 1; i < units.Count; i++)
        {
            var before = units[i - 1].CueIndex;
            if (!answered.Contains(TranslationValidator.Id(units[i].CueIndex))
                && (accepted.Remove(before) | misses.Remove(before)))
            {
                errors.Add($"id {TranslationValidator.Id(before)}: asked again with the next line, which the reply left out");
            }
        }

        return this with { Accepted = accepted, GlossaryMisses = misses, Errors = errors };
    }

    public static bool IsWhole(IReadOnlyList<TranslationUnit> units, IReadOnlyList<TranslatedSegment> replies)
    {
        var ids = replies.Select(r => r.Id.Trim()).ToList();
        return ids.Count == units.Count
            && ids.ToHashSet(StringComparer.Ordinal).SetEquals(units.Select(u => TranslationValidator.Id(u.CueIndex)));
    }
}

/// <summary>A translation that passed every check but the glossary, and the error that says which term it lacks.</summary>
internal sealed record GlossaryMiss(string Text, string Error);

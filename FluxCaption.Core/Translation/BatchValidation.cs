namespace FluxCaption.Core.Translation;

/// <summary>
/// What one engine reply was worth: per unit (keyed by its first cue) the accepted translation, still
/// with placeholders so each cue of the unit restores its own markup; or the reasons it was refused.
/// </summary>
internal sealed record BatchValidation(IReadOnlyDictionary<int, string> Accepted, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

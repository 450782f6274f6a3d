using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Translation;

/// <summary>
/// What the recovery of one batch has accepted so far. Parts of the batch asked again read the
/// accepted lines before them as context, whichever request accepted them, so a line asked on its own
/// still sees its neighbours' fresh translations.
/// </summary>
internal sealed class BatchRecovery(
    TranslationRun run,
    IReadOnlyList<TranslationUnit> batch,
    IReadOnlyList<ContextLine> preceding,
    int precedingLines)
{
    public TranslationRun Run { get; } = run;

    /// <summary>Unit (first cue) to accepted translation, with placeholders.</summary>
    public Dictionary<int, string> Accepted { get; } = [];

    public void Take(IReadOnlyDictionary<int, string> accepted)
    {
        foreach (var (cueIndex, text) in accepted)
        {
            Accepted[cueIndex] = text;
        }
    }

    public List<TranslationUnit> NotAccepted(IEnumerable<TranslationUnit> units) =>
        [.. units.Where(u => !Accepted.ContainsKey(u.CueIndex))];

    /// <summary>The lines before the batch, then the batch's accepted lines before <paramref name="cueIndex"/>, the last N.</summary>
    public List<ContextLine> ContextBefore(int cueIndex) =>
        [.. preceding
            .Concat(batch
                .TakeWhile(u => u.CueIndex != cueIndex)
                .Where(u => Accepted.ContainsKey(u.CueIndex))
                .Select(u => new ContextLine(u.SourcePlain, PlainTranslation(u, Accepted[u.CueIndex]))))
            .TakeLast(precedingLines)];

    private string PlainTranslation(TranslationUnit unit, string translation)
    {
        var restored = unit.Protected.Restore(translation);
        return restored.Succeeded ? SubtitleMarkupProtector.PlainText(restored.Text, Run.Format) : translation;
    }
}

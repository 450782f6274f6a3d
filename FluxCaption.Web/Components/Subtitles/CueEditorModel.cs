using FluxCaption.Contracts.Subtitles;

namespace FluxCaption.Web.Components.Subtitles;

/// <summary>
/// The editor's working copy of one version: the cues with the person's unsaved changes, the marked
/// lines to step through, and search and replace over the shown text (a translation's own text, never
/// its source). Navigation wraps around at either end, as a reader expects of "next".
/// </summary>
public sealed class CueEditorModel(SubtitleDocumentView view)
{
    public IReadOnlyList<EditableCue> Cues { get; } = [.. view.Cues.Select(cue => new EditableCue(cue))];

    public int MarkedCount => Cues.Count(cue => cue.IsMarked);

    public int ChangedCount => Cues.Count(cue => cue.IsChanged);

    /// <summary>The changed cues as the Api takes them (timing as it was, the new text).</summary>
    public List<SubtitleCueEdit> Edits() =>
        [.. Cues.Where(cue => cue.IsChanged).Select(cue => new SubtitleCueEdit(cue.Index, cue.StartMs, cue.EndMs, cue.Text))];

    public int? NextMarked(int? from) => Step(from, forward: true, cue => cue.IsMarked);

    public int? PreviousMarked(int? from) => Step(from, forward: false, cue => cue.IsMarked);

    /// <summary>The next cue after <paramref name="from"/> whose text contains <paramref name="term"/>.</summary>
    public int? FindNext(string term, bool matchCase, int? from) =>
        string.IsNullOrEmpty(term) ? null : Step(from, forward: true, cue => cue.Text.Contains(term, Comparison(matchCase)));

    public int CountMatches(string term, bool matchCase) =>
        string.IsNullOrEmpty(term) ? 0 : Cues.Sum(cue => Occurrences(cue.Text, term, Comparison(matchCase)));

    /// <summary>Replaces the first occurrence in cue <paramref name="index"/>; false when the cue has none.</summary>
    public bool ReplaceOne(int index, string term, string replacement, bool matchCase)
    {
        var cue = Cues[index];
        var at = string.IsNullOrEmpty(term) ? -1 : cue.Text.IndexOf(term, Comparison(matchCase));
        if (at < 0)
        {
            return false;
        }

        cue.Text = string.Concat(cue.Text.AsSpan(0, at), replacement, cue.Text.AsSpan(at + term.Length));
        return true;
    }

    /// <returns>How many occurrences were replaced, in every cue.</returns>
    public int ReplaceAll(string term, string replacement, bool matchCase)
    {
        if (string.IsNullOrEmpty(term))
        {
            return 0;
        }

        var replaced = 0;
        foreach (var cue in Cues)
        {
            var count = Occurrences(cue.Text, term, Comparison(matchCase));
            if (count > 0)
            {
                cue.Text = cue.Text.Replace(term, replacement, Comparison(matchCase));
                replaced += count;
            }
        }

        return replaced;
    }

    private int? Step(int? from, bool forward, Func<EditableCue, bool> wanted)
    {
        var count = Cues.Count;
        var start = from ?? (forward ? -1 : count);
        for (var step = 1; step <= count; step++)
        {
            var index = ((forward ? start + step : start - step) % count + count) % count;
            if (wanted(Cues[index]))
            {
                return index;
            }
        }

        return null;
    }

    private static StringComparison Comparison(bool matchCase) => matchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static int Occurrences(string text, string term, StringComparison comparison)
    {
        var count = 0;
        for (var at = text.IndexOf(term, comparison); at >= 0; at = text.IndexOf(term, at + term.Length, comparison))
        {
            count++;
        }

        return count;
    }
}

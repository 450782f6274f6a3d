using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Translation;

/// <summary>Decides what is sent and in which batches. Pure: no engine, no I/O.</summary>
internal static class TranslationPlanner
{
    public static TranslationPlan Plan(
        SubtitleDocument document,
        IReadOnlyDictionary<int, string> completedCues,
        TranslationOptions options)
    {
        var translatable = new List<int>();
        var resumed = new Dictionary<int, string>();
        var units = new List<TranslationUnit>();
        var unitMembers = new Dictionary<string, List<UnitMember>>(StringComparer.Ordinal);

        for (var index = 0; index < document.Cues.Count; index++)
        {
            var cue = document.Cues[index];
            if (!SubtitleMarkupProtector.IsTranslatable(cue, document.Format))
            {
                continue;
            }

            translatable.Add(index);
            if (completedCues.TryGetValue(index, out var done))
            {
                resumed[index] = done;
                continue;
            }

            var protectedText = SubtitleMarkupProtector.Protect(cue.Text, document.Format);
            var member = new UnitMember(index, protectedText);
            if (unitMembers.TryGetValue(protectedText.Text, out var members))
            {
                members.Add(member);
                continue;
            }

            members = [member];
            unitMembers[protectedText.Text] = members;
            units.Add(new TranslationUnit(members, SubtitleMarkupProtector.PlainText(cue.Text, document.Format)));
        }

        return new TranslationPlan(Batch(document, units, options), translatable, resumed);
    }

    private static List<IReadOnlyList<TranslationUnit>> Batch(
        SubtitleDocument document,
        List<TranslationUnit> units,
        TranslationOptions options)
    {
        var batches = new List<IReadOnlyList<TranslationUnit>>();
        var current = new List<TranslationUnit>();
        var tokens = 0;
        SubtitleCue? previous = null;

        foreach (var unit in units)
        {
            var cue = document.Cues[unit.CueIndex];
            var unitTokens = (unit.Protected.Text.Length + 3) / 4;
            var sceneChange = previous is not null && cue.Start - previous.End > options.SceneGap;
            var full = current.Count >= options.MaxCuesPerBatch
                || (current.Count > 0 && tokens + unitTokens > options.MaxTokensPerBatch);

            if (current.Count > 0 && (sceneChange || full))
            {
                batches.Add(current);
                current = [];
                tokens = 0;
            }

            current.Add(unit);
            tokens += unitTokens;
            previous = cue;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}

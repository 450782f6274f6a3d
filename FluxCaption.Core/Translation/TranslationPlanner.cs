using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Translation;

/// <summary>
/// Decides what is sent and in which batches. Pure: no engine, no I/O. <c>withDrafts</c> plans a
/// proofreading pass, whose requests carry each line's current translation as well.
/// </summary>
internal static class TranslationPlanner
{
    public static TranslationPlan Plan(
        SubtitleDocument document,
        IReadOnlyDictionary<int, string> completedCues,
        TranslationOptions options,
        bool withDrafts = false)
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
            units.Add(new TranslationUnit(members, SubtitleMarkupProtector.PlainText(cue.Text, document.Format))
            {
                Start = cue.Start,
                End = cue.End,
            });
        }

        return new TranslationPlan(BatchSizer.Cut(units, options, withDrafts), translatable, resumed);
    }
}

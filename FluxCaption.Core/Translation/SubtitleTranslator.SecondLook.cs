using FluxCaption.Core.Translation.Fallback;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// The lines an engine returned unchanged and the validator let through as names ("Michael!", "OK",
    /// but also "Bonjour" or "Ça va" when a model skips them) are asked once more, after every batch, in
    /// one request per batch-sized group of the file's such lines, with their context and a note that
    /// they came back unchanged. A new translation that passes validation replaces the first answer;
    /// the same line again, or an unusable reply, confirms it. Either way the outcome is final and
    /// remembered, so the next run of the file does not ask again.
    /// </summary>
    private async Task<Dictionary<int, string>> SecondLookAsync(
        TranslationRun run, IReadOnlyList<SecondLook> lines, CancellationToken cancellationToken)
    {
        var accepted = new Dictionary<int, string>();
        foreach (var byEngine in lines.GroupBy(l => l.Link))
        {
            var attempt = run.For(byEngine.Key.Engine!, byEngine.Key.Model, byEngine.Key.Guard);
            var first = byEngine.ToDictionary(l => l.Unit.CueIndex, l => l.Text);
            foreach (var group in BatchSizer.Cut([.. byEngine.Select(l => l.Unit).OrderBy(u => u.CueIndex)], _options))
            {
                var note = group
                    .Select(u => $"id {TranslationValidator.Id(u.CueIndex)}: came back unchanged; translate it unless it is a name or is said the same way in the target language")
                    .ToList();
                var outcome = await AskAsync(attempt, group, PrecedingContext(attempt, group), note, cancellationToken);
                var answers = new Dictionary<int, string>();
                foreach (var unit in group)
                {
                    answers[unit.CueIndex] = outcome is not null && outcome.Accepted.TryGetValue(unit.CueIndex, out var again)
                        ? again
                        : first[unit.CueIndex];
                    accepted[unit.CueIndex] = answers[unit.CueIndex];
                }

                await RememberAsync(attempt, group, answers, cancellationToken);
            }
        }

        return accepted;
    }

    /// <summary>A line accepted unchanged as a name, waiting for its second look by the engine that answered it.</summary>
    private sealed record SecondLook(TranslationUnit Unit, string Text, EngineChainLink Link);
}

using FluxCaption.Core.Translation.Memory;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// Looks every unit of the plan up in one query and takes the remembered translations that still
    /// fit (each cue restores its markup, the glossary is satisfied); returns them per cue and the
    /// batches left to send, without the units that were found (empty batches dropped).
    /// </summary>
    private async Task<Recalled> RecallAsync(TranslationRun run, CancellationToken cancellationToken)
    {
        var batches = run.Plan.Batches;
        var units = batches.SelectMany(b => b).ToList();
        if (memory is null || units.Count == 0)
        {
            return new Recalled(new Dictionary<int, string>(), batches);
        }

        var keys = units.ToDictionary(u => u.CueIndex, u => MemoryKey(u));
        var found = await memory.LookupAsync(run.MemoryScope, [.. keys.Values.Select(k => k.Hash)], cancellationToken);
        var cues = new Dictionary<int, string>();
        var hitUnits = new HashSet<int>();
        foreach (var unit in units)
        {
            if (!found.TryGetValue(keys[unit.CueIndex].Hash, out var translation)
                || TranslationValidator.GlossaryMissing(unit, translation, run.Glossary) is not null)
            {
                continue;
            }

            var restored = unit.Members.Select(m => (m.CueIndex, Result: m.Protected.Restore(translation))).ToList();
            if (restored.Any(r => !r.Result.Succeeded))
            {
                continue;
            }

            hitUnits.Add(unit.CueIndex);
            foreach (var (cueIndex, result) in restored)
            {
                run.Known[cueIndex] = result.Text;
                cues[cueIndex] = result.Text;
                TranslationTelemetry.Cues.Add(1, new KeyValuePair<string, object?>("outcome", "memory"));
            }
        }

        var remaining = batches
            .Select(b => (IReadOnlyList<TranslationUnit>)[.. b.Where(u => !hitUnits.Contains(u.CueIndex))])
            .Where(b => b.Count > 0)
            .ToList();
        return new Recalled(cues, remaining);
    }

    /// <summary>
    /// Stores what the engine translated in this batch in one statement. Lines that kept their source
    /// never reach here; lines kept despite a missing glossary term are not remembered either.
    /// </summary>
    private async Task RememberAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> batch,
        IReadOnlyDictionary<int, string> accepted,
        CancellationToken cancellationToken)
    {
        if (memory is null)
        {
            return;
        }

        var items = new List<TranslationMemoryItem>();
        foreach (var unit in batch)
        {
            if (accepted.TryGetValue(unit.CueIndex, out var translation)
                && TranslationValidator.GlossaryMissing(unit, translation, run.Glossary) is null)
            {
                var key = MemoryKey(unit);
                items.Add(new TranslationMemoryItem(key.Hash, key.Text, translation));
            }
        }

        if (items.Count > 0)
        {
            await memory.StoreAsync(run.MemoryScope, items, cancellationToken);
        }
    }

    private static (string Text, string Hash) MemoryKey(TranslationUnit unit)
    {
        var text = TranslationMemoryKey.Normalize(unit.Protected.Text);
        return (text, TranslationMemoryKey.Hash(text));
    }

    private sealed record Recalled(IReadOnlyDictionary<int, string> Cues, IReadOnlyList<IReadOnlyList<TranslationUnit>> Batches);
}

using System.Text.RegularExpressions;
using FluxCaption.Core.Translation.Memory;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// Looks every unit of the plan up in one query and takes the remembered translations that still
    /// fit (each cue restores its markup, the glossary is satisfied) and the remembered decisions to keep
    /// a line in its source (unless the request asks those again); returns the translations per cue, a
    /// kept_source warning per kept cue, and the batches left to send, without the units that were found
    /// (empty batches dropped).
    /// </summary>
    private async Task<Recalled> RecallAsync(TranslationRun run, CancellationToken cancellationToken)
    {
        var batches = run.Plan.Batches;
        var units = batches.SelectMany(b => b).ToList();
        if (memory is null || units.Count == 0)
        {
            return new Recalled(new Dictionary<int, string>(), [], batches);
        }

        var keys = units.ToDictionary(u => u.CueIndex, u => MemoryKey(u));
        var found = await memory.LookupAsync(run.MemoryScope, [.. keys.Values.Select(k => k.Hash)], cancellationToken);
        var cues = new Dictionary<int, string>();
        var kept = new List<TranslationWarning>();
        var hitUnits = new HashSet<int>();
        foreach (var unit in units)
        {
            if (!found.TryGetValue(keys[unit.CueIndex].Hash, out var line))
            {
                continue;
            }

            if (line.KeptReason is { } reason)
            {
                // Every engine of the chain already failed this line: asking again would cost the same
                // requests for the same answer, unless the user asked for exactly that.
                if (!run.Request.RetranslateKept)
                {
                    hitUnits.Add(unit.CueIndex);
                    kept.AddRange(unit.Members.Select(m => new TranslationWarning(
                        m.CueIndex, "kept_source", $"{KeptSourcePrefix}{reason} (remembered from an earlier translation).")));
                }

                continue;
            }

            var translation = line.TargetText;
            if (TranslationValidator.GlossaryMissing(unit, translation, run.Glossary) is not null)
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
        return new Recalled(cues, kept, remaining);
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

    /// <summary>
    /// Remembers, under the job's own engine and model (the scope lookups use), the lines every engine
    /// of the chain left in the source, so the next translation of them sends nothing and warns the same.
    /// </summary>
    private async Task RememberKeptAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<TranslationWarning> warnings,
        CancellationToken cancellationToken)
    {
        if (memory is null)
        {
            return;
        }

        var items = new List<TranslationMemoryItem>();
        foreach (var unit in units)
        {
            if (warnings.FirstOrDefault(w => w.CueIndex == unit.CueIndex && w.Code == "kept_source") is { } warning)
            {
                var key = MemoryKey(unit);
                // "id 12:" names a cue of this file; the same line in another file has another id.
                var reason = ErrorIds().Replace(Reason(warning.Message), "");
                items.Add(new TranslationMemoryItem(key.Hash, key.Text, key.Text) { KeptReason = reason });
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

    private sealed record Recalled(
        IReadOnlyDictionary<int, string> Cues,
        IReadOnlyList<TranslationWarning> Kept,
        IReadOnlyList<IReadOnlyList<TranslationUnit>> Batches);

    [GeneratedRegex(@"(?<=^|; )id [^:;]+: ")]
    private static partial Regex ErrorIds();
}

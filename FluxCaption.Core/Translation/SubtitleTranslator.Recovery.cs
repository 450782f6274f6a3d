using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// Asks for <paramref name="units"/> and recovers what failed. A reply that answers every id once
    /// (<see cref="BatchValidation.Whole"/>), or leaves some out but answers the last and doubles or
    /// invents none (<see cref="BatchValidation.Anchored"/>), is taken line by line: its sound lines are
    /// kept and only the failed and missing ones are asked again, together, with the errors and with
    /// their neighbours as context. A reply with an id doubled or invented, or with the last id missing
    /// (its lines may have slid), is asked again whole. What still fails is settled by
    /// <see cref="SettleAsync"/>. A line refused once thus costs one more request when the re-ask fixes it
    /// and at most two when it does not, instead of dragging its whole batch through every halving.
    /// Returns the accepted translation (with placeholders) per unit; units missing from it kept their source.
    /// </summary>
    private async Task<Dictionary<int, string>> TranslateUnitsAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<ContextLine> preceding,
        CancellationToken cancellationToken)
    {
        var recovery = new BatchRecovery(run, units, preceding, _options.PrecedingContextLines);
        var outcome = await AskAsync(run, units, preceding, previousErrors: null, cancellationToken, firstAsk: true);
        if (outcome is null)
        {
            return recovery.Accepted;
        }

        if (outcome.Succeeded)
        {
            recovery.Take(outcome.Accepted);
            return recovery.Accepted;
        }

        if (outcome.LineByLine)
        {
            recovery.Take(outcome.Accepted);
            var failed = recovery.NotAccepted(units);
            var again = await AskAsync(run, failed, recovery.ContextBefore(failed[0].CueIndex), outcome.ErrorsAbout(failed), cancellationToken);
            if (again is not null)
            {
                await SettleAsync(recovery, failed, again, outcome.GlossaryMisses, cancellationToken);
            }

            return recovery.Accepted;
        }

        var whole = await AskAsync(run, units, preceding, outcome.AllErrors, cancellationToken);
        if (whole is not null)
        {
            await SettleAsync(recovery, units, whole, new Dictionary<int, GlossaryMiss>(), cancellationToken);
        }

        return recovery.Accepted;
    }

    /// <summary>
    /// <paramref name="outcome"/> is the latest answer for <paramref name="units"/>: keeps what it got right,
    /// then asks for the rest once more, together when some lines of the group passed (the rest is smaller,
    /// so it may well pass too) and in halves when none did, down to single lines. A single line that fails
    /// keeps its source text with a warning. Every ask is of fewer lines than the one before, so a hopeless
    /// group of n lines costs at most about 2n requests.
    /// </summary>
    private async Task SettleAsync(
        BatchRecovery recovery,
        IReadOnlyList<TranslationUnit> units,
        BatchValidation outcome,
        IReadOnlyDictionary<int, GlossaryMiss> earlierMisses,
        CancellationToken cancellationToken)
    {
        var misses = new Dictionary<int, GlossaryMiss>(earlierMisses);
        if (outcome.LineByLine)
        {
            recovery.Take(outcome.Accepted);
            foreach (var (cueIndex, miss) in outcome.GlossaryMisses)
            {
                misses[cueIndex] = miss;
            }
        }

        // Smaller requests do not make a model use a term it ignored after being told: a line that was
        // sound but for a term (in this answer, or else in the one before) is kept, with a warning.
        var failed = recovery.NotAccepted(units);
        KeepDespiteGlossary(recovery, failed, misses);
        failed = recovery.NotAccepted(failed);
        if (failed.Count == 0)
        {
            return;
        }

        // An engine that stopped spending on this job (ceiling, failure rate) leaves its unsettled lines
        // to the next engine of the chain; without one, the job's single warning covers them.
        if (recovery.Run.Guard?.HaltReason is not null)
        {
            return;
        }

        if (units.Count == 1)
        {
            foreach (var member in units[0].Members)
            {
                recovery.Run.Warn(member.CueIndex, "kept_source", $"Kept the source text: {string.Join("; ", outcome.AllErrors)}.");
            }

            return;
        }

        List<List<TranslationUnit>> parts = failed.Count < units.Count
            ? [failed]
            : [[.. failed.Take(failed.Count / 2)], [.. failed.Skip(failed.Count / 2)]];
        foreach (var part in parts)
        {
            var answer = await AskAsync(
                recovery.Run, part, recovery.ContextBefore(part[0].CueIndex), outcome.ErrorsAbout(part), cancellationToken);
            if (answer is null)
            {
                return;
            }

            await SettleAsync(recovery, part, answer, new Dictionary<int, GlossaryMiss>(), cancellationToken);
        }
    }

    private static void KeepDespiteGlossary(
        BatchRecovery recovery,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyDictionary<int, GlossaryMiss> misses)
    {
        foreach (var unit in units)
        {
            if (misses.TryGetValue(unit.CueIndex, out var miss))
            {
                recovery.Accepted[unit.CueIndex] = miss.Text;
                foreach (var member in unit.Members)
                {
                    recovery.Run.Warn(member.CueIndex, "glossary_term_missing", $"Translated without a glossary term: {miss.Error}.");
                }
            }
        }
    }
}

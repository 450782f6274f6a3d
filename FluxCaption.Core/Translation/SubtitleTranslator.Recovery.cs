using System.Diagnostics;
using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// Asks for <paramref name="units"/>; a refused batch is asked again once with its errors, then split
    /// in halves until single cues remain, each part asked once. That bounds a hopeless batch of n cues
    /// to about 2n requests. Returns the accepted translation (with placeholders) per unit; units
    /// missing from it kept their source.
    /// </summary>
    private async Task<Dictionary<int, string>> TranslateUnitsAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<ContextLine> preceding,
        bool firstAsk,
        CancellationToken cancellationToken)
    {
        var outcome = await AskAsync(run, units, preceding, previousErrors: null, cancellationToken);
        if (firstAsk && outcome.OnlyGlossaryMisses)
        {
            return await AskAgainForGlossaryAsync(run, units, preceding, outcome, cancellationToken);
        }

        if (!outcome.Succeeded && firstAsk)
        {
            outcome = await AskAsync(run, units, preceding, outcome.AllErrors, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            return new Dictionary<int, string>(outcome.Accepted);
        }

        // Smaller requests do not make a model use a term it ignored after being told: once this is
        // the last ask for these lines, sound translations that lack a term are kept, with a warning.
        if (outcome.OnlyGlossaryMisses)
        {
            return KeepDespiteGlossary(run, units, outcome.Accepted, outcome.GlossaryMisses);
        }

        if (units.Count == 1)
        {
            foreach (var member in units[0].Members)
            {
                run.Warn(member.CueIndex, "kept_source", $"Kept the source text: {string.Join("; ", outcome.AllErrors)}.");
            }

            return [];
        }

        var middle = units.Count / 2;
        var left = await TranslateUnitsAsync(run, units.Take(middle).ToList(), preceding, firstAsk: false, cancellationToken);

        // The second half reads the first half's fresh translations as its context.
        var leftContext = units.Take(middle)
            .Where(u => left.ContainsKey(u.CueIndex))
            .Select(u => new ContextLine(u.SourcePlain, PlainTranslation(run, u, left[u.CueIndex])));
        var rightPreceding = preceding.Concat(leftContext).TakeLast(_options.PrecedingContextLines).ToList();
        var right = await TranslateUnitsAsync(run, units.Skip(middle).ToList(), rightPreceding, firstAsk: false, cancellationToken);

        foreach (var (index, text) in right)
        {
            left[index] = text;
        }

        return left;
    }

    /// <summary>
    /// Every line was sound but some lacked a glossary term: keep the good ones and re-ask only those,
    /// naming the terms. Whatever the second reply is worth, the first reply's lines stay as a fallback.
    /// </summary>
    private async Task<Dictionary<int, string>> AskAgainForGlossaryAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<ContextLine> preceding,
        BatchValidation first,
        CancellationToken cancellationToken)
    {
        var missed = units.Where(u => first.GlossaryMisses.ContainsKey(u.CueIndex)).ToList();
        var second = await AskAsync(run, missed, preceding, first.AllErrors, cancellationToken);
        var accepted = new Dictionary<int, string>(first.Accepted);
        var stillMissing = new Dictionary<int, GlossaryMiss>();
        foreach (var unit in missed)
        {
            if (second.Accepted.TryGetValue(unit.CueIndex, out var fixedText))
            {
                accepted[unit.CueIndex] = fixedText;
            }
            else
            {
                stillMissing[unit.CueIndex] = second.GlossaryMisses.TryGetValue(unit.CueIndex, out var miss)
                    ? miss
                    : first.GlossaryMisses[unit.CueIndex];
            }
        }

        return KeepDespiteGlossary(run, missed, accepted, stillMissing);
    }

    private static Dictionary<int, string> KeepDespiteGlossary(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyDictionary<int, string> accepted,
        IReadOnlyDictionary<int, GlossaryMiss> misses)
    {
        var kept = new Dictionary<int, string>(accepted);
        foreach (var unit in units)
        {
            if (misses.TryGetValue(unit.CueIndex, out var miss))
            {
                kept[unit.CueIndex] = miss.Text;
                foreach (var member in unit.Members)
                {
                    run.Warn(member.CueIndex, "glossary_term_missing", $"Translated without a glossary term: {miss.Error}.");
                }
            }
        }

        return kept;
    }

    private async Task<BatchValidation> AskAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<ContextLine> preceding,
        IReadOnlyList<string>? previousErrors,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = new TranslationBatch(
            run.SourceLanguage,
            run.TargetLanguage,
            run.Model,
            [.. units.Select(u => new TranslationSegment(TranslationValidator.Id(u.CueIndex), u.Protected.Text))],
            preceding,
            FollowingContext(run, units[^1].CueIndex),
            run.Request.Title)
        {
            PreviousErrors = previousErrors,
            Glossary = [.. units.SelectMany(u => GlossaryMatcher.TermsIn(u.SourcePlain, run.Glossary)).Distinct()],
        };

        var replies = await CallEngineAsync(run, batch, cancellationToken);
        var outcome = TranslationValidator.Validate(units, replies ?? [], run.LanguagesDiffer, run.Glossary);
        CountRequest(run, outcome.Succeeded ? "accepted" : "refused");
        if (!outcome.Succeeded)
        {
            LogRefused(units[0].CueIndex, units.Count, string.Join("; ", outcome.AllErrors));
        }

        return outcome;
    }

    /// <summary>
    /// One engine request, timed; a request that throws (the engine's pipeline has given up) is counted
    /// as an error by type before it propagates, so an operator sees failing engines, not just fewer requests.
    /// </summary>
    private static async Task<IReadOnlyList<TranslatedSegment>?> CallEngineAsync(
        TranslationRun run, TranslationBatch batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await run.Engine.TranslateAsync(batch, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var tags = TranslationTelemetry.EngineTags(run.Engine.Name, run.MeasuredModel);
            tags.Add("error.type", exception.GetType().Name);
            TranslationTelemetry.Errors.Add(1, tags);
            CountRequest(run, "error");
            throw;
        }
        finally
        {
            TranslationTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds, TranslationTelemetry.EngineTags(run.Engine.Name, run.MeasuredModel));
        }
    }

    private static void CountRequest(TranslationRun run, string outcome)
    {
        var tags = TranslationTelemetry.EngineTags(run.Engine.Name, run.MeasuredModel);
        tags.Add("outcome", outcome);
        TranslationTelemetry.Requests.Add(1, tags);
    }

    /// <summary>Up to N earlier translatable cues that already have a translation, oldest first.</summary>
    private List<ContextLine> PrecedingContext(TranslationRun run, IReadOnlyList<TranslationUnit> batch)
    {
        var lines = new List<ContextLine>();
        var cues = run.Plan.TranslatableCues;
        var position = Position(cues, batch[0].CueIndex);
        var documentCues = run.Request.Document.Cues;
        for (var p = position - 1; p >= 0 && lines.Count < _options.PrecedingContextLines; p--)
        {
            var index = cues[p];
            if (run.Known.TryGetValue(index, out var translation))
            {
                lines.Add(new ContextLine(
                    SubtitleMarkupProtector.PlainText(documentCues[index].Text, run.Format),
                    SubtitleMarkupProtector.PlainText(translation, run.Format)));
            }
        }

        lines.Reverse();
        return lines;
    }

    private List<string> FollowingContext(TranslationRun run, int lastCueIndex)
    {
        var cues = run.Plan.TranslatableCues;
        var start = Position(cues, lastCueIndex) + 1;
        return [.. cues.Skip(start)
            .Take(_options.FollowingContextLines)
            .Select(i => SubtitleMarkupProtector.PlainText(run.Request.Document.Cues[i].Text, run.Format))];
    }

    private static string PlainTranslation(TranslationRun run, TranslationUnit unit, string translation)
    {
        var restored = unit.Protected.Restore(translation);
        return restored.Succeeded ? SubtitleMarkupProtector.PlainText(restored.Text, run.Format) : translation;
    }

    private static int Position(IReadOnlyList<int> sortedCueIndexes, int cueIndex)
    {
        var position = sortedCueIndexes is List<int> list ? list.BinarySearch(cueIndex) : -1;
        return position >= 0 ? position : sortedCueIndexes.Count(i => i < cueIndex);
    }
}

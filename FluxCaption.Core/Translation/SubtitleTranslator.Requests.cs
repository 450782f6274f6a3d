using System.Diagnostics;
using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
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
        var outcome = TranslationValidator.Validate(units, replies ?? [], run.LanguagesDiffer, run.Glossary)
            with { Whole = BatchValidation.IsWhole(units, replies ?? []) };
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

    private static int Position(IReadOnlyList<int> sortedCueIndexes, int cueIndex)
    {
        var position = sortedCueIndexes is List<int> list ? list.BinarySearch(cueIndex) : -1;
        return position >= 0 ? position : sortedCueIndexes.Count(i => i < cueIndex);
    }
}

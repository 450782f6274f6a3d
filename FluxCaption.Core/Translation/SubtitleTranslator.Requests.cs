using System.Diagnostics;
using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation.Budget;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>
    /// One request for <paramref name="units"/>, validated; null when the engine's guard refused to send
    /// it (the engine stopped spending on this job, or passed its ceiling and this is not the lines' first
    /// ask), so the caller leaves the lines for the next engine.
    /// </summary>
    private async Task<BatchValidation?> AskAsync(
        TranslationRun run,
        IReadOnlyList<TranslationUnit> units,
        IReadOnlyList<ContextLine> preceding,
        IReadOnlyList<string>? previousErrors,
        CancellationToken cancellationToken,
        bool firstAsk = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (run.Guard is { } guard && !guard.TryStart(firstAsk))
        {
            return null;
        }

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

        var (replies, usage) = await CallEngineAsync(run, batch, cancellationToken);
        var outcome = TranslationValidator.Validate(units, replies ?? [], run.LanguagesDiffer, run.Glossary)
            with { Whole = BatchValidation.IsWhole(units, replies ?? []), Anchored = BatchValidation.IsAnchored(units, replies ?? []) };
        if (outcome.Anchored)
        {
            outcome = outcome.WithoutNeighboursOfGaps(units, replies!);
        }

        var failed = units.Count(u => !outcome.Accepted.ContainsKey(u.CueIndex) && !outcome.GlossaryMisses.ContainsKey(u.CueIndex));
        Spend(run, units, failed, usage, withDrafts: false);
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
    private static async Task<(IReadOnlyList<TranslatedSegment>? Replies, RequestUsage Usage)> CallEngineAsync(
        TranslationRun run, TranslationBatch batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var usage = RequestUsage.Begin();
        try
        {
            return (await run.Engine.TranslateAsync(batch, cancellationToken), usage);
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

    /// <summary>
    /// Books an answered request on the engine's guard: the tokens the engine reported, or, from a
    /// server that reports none, the request's estimated cost, so a token ceiling still holds.
    /// </summary>
    private void Spend(TranslationRun run, IReadOnlyList<TranslationUnit> units, int failed, RequestUsage usage, bool withDrafts)
    {
        if (run.Guard is not { } guard)
        {
            return;
        }

        var (prompt, completion) = !guard.UsesTokens ? (0L, 0L)
            : usage.Reported ? (usage.PromptTokens ?? 0, usage.CompletionTokens ?? 0)
            : (RequestCost.PromptOf(units, _options, withDrafts), RequestCost.ReplyOf(units));
        guard.Finish(units.Count, failed, prompt, completion);
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

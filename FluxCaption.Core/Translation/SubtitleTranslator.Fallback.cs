using FluxCaption.Core.Translation.Fallback;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Translation;

public sealed partial class SubtitleTranslator
{
    /// <summary>The warning on each cue a later engine of the fallback chain translated; its <see cref="TranslationWarning.Engine"/> names that engine.</summary>
    public const string FallbackEngineCode = "fallback_engine";

    private const string KeptSourcePrefix = "Kept the source text: ";

    /// <summary>
    /// Sends one batch down the engine chain. The first usable engine gets the whole batch with the
    /// usual re-ask and split recovery; whatever it could not translate (lines it left in the source,
    /// or the whole batch when it threw after its retries) goes to the next engine, and so on. An engine
    /// that threw, or proved useless on the first batches, is ruled out for the rest of the document so
    /// later batches do not wait for it again. Returns the accepted translation per unit and the
    /// warnings that are final for this batch's cues.
    /// </summary>
    private async Task<(Dictionary<int, string> Accepted, List<TranslationWarning> Warnings, List<SecondLook> Pending)> TranslateThroughChainAsync(
        TranslationRun run,
        EngineChain chain,
        IReadOnlyList<TranslationUnit> batch,
        CancellationToken cancellationToken)
    {
        var accepted = new Dictionary<int, string>();
        var warnings = new List<TranslationWarning>();
        var pending = new List<SecondLook>();
        var remaining = batch.ToList();
        var failures = batch.ToDictionary(u => u.CueIndex, _ => new List<string>());
        List<TranslationWarning> lastKept = [];
        var anEngineThrew = false;
        foreach (var link in chain.Links)
        {
            if (remaining.Count == 0)
            {
                break;
            }

            if (link.UnusableReason is { } ruledOut)
            {
                var verb = ruledOut == link.Guard?.StopReason ? "stopped" : "failed";
                remaining.ForEach(u => failures[u.CueIndex].Add($"{link.Name} {verb}: {ruledOut.TrimEnd('.')}"));
                continue;
            }

            var attempt = run.For(link.Engine!, link.Model, link.Guard);
            Dictionary<int, string> got;
            try
            {
                got = await TranslateUnitsAsync(attempt, remaining, PrecedingContext(attempt, remaining), cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && chain.HasUsableAfter(link))
            {
                var reason = Describe(error);
                anEngineThrew = true;
                link.RuleOut(reason);
                LogEngineRuledOut(link.Name, remaining[0].CueIndex, reason);
                remaining.ForEach(u => failures[u.CueIndex].Add($"{link.Name} failed: {reason}"));
                continue;
            }

            if (got.Count > 0)
            {
                chain.Succeeded();
            }

            var stopped = link.Guard?.StopReason;
            if (stopped is not null)
            {
                if (link.Usable)
                {
                    LogEngineRuledOut(link.Name, remaining[0].CueIndex, stopped);
                }

                link.RuleOut(stopped);
            }
            else
            {
                RuleOutIfHopeless(chain, link, attempt, got.Count > 0);
            }

            var attemptWarnings = attempt.Warnings.ToList();
            foreach (var unit in remaining.Where(u => got.ContainsKey(u.CueIndex)))
            {
                // A line the engine returned as it was, taken as a name, is asked once more at the end
                // (see SecondLookAsync) before it is final; a fallback's answer is final as it is.
                if (attempt.LanguagesDiffer && failures[unit.CueIndex].Count == 0 && TranslationValidator.CameBackUnchanged(unit, got[unit.CueIndex]))
                {
                    pending.Add(new SecondLook(unit, got[unit.CueIndex], link));
                    continue;
                }

                accepted[unit.CueIndex] = got[unit.CueIndex];
                var members = unit.Members.Select(m => m.CueIndex).ToHashSet();
                warnings.AddRange(attemptWarnings.Where(w => members.Contains(w.CueIndex)));
                if (failures[unit.CueIndex].Count > 0)
                {
                    var message = $"Translated by {link.Name} after {string.Join("; then ", failures[unit.CueIndex])}.";
                    warnings.AddRange(unit.Members.Select(m => new TranslationWarning(m.CueIndex, FallbackEngineCode, message) { Engine = link.Name }));
                }
            }

            await RememberAsync(attempt, [.. remaining.Where(u => !pending.Any(p => p.Unit == u))], got, cancellationToken);
            remaining = [.. remaining.Where(u => !got.ContainsKey(u.CueIndex))];
            lastKept = [.. attemptWarnings.Where(w => remaining.Any(u => u.Members.Any(m => m.CueIndex == w.CueIndex)))];
            foreach (var warning in lastKept.Where(w => w.Code == "kept_source"))
            {
                var owner = remaining.First(u => u.Members.Any(m => m.CueIndex == warning.CueIndex));
                if (owner.Members[0].CueIndex == warning.CueIndex)
                {
                    failures[owner.CueIndex].Add($"{link.Name} failed: {Reason(warning.Message)}");
                }
            }

            // Lines the engine never settled because it stopped (or stopped asking again): the next engine's warning says why.
            var halted = link.Guard?.HaltReason;
            foreach (var unit in remaining.Where(u => halted is not null && !lastKept.Any(w => w.CueIndex == u.CueIndex)))
            {
                failures[unit.CueIndex].Add($"{link.Name} stopped: {halted}");
            }
        }

        warnings.AddRange(lastKept);

        // A kept decision is remembered under the job's own engine; if an engine never answered (its
        // server was down), the next run must give it its chance rather than inherit the others' verdict.
        if (!anEngineThrew)
        {
            await RememberKeptAsync(run, remaining, lastKept, cancellationToken);
        }
        return (accepted, warnings, pending);
    }

    /// <summary>
    /// An engine whose first batches all came back useless cannot do this job (no JSON, wrong language).
    /// With an engine left in the chain it is passed over from now on; as the last hope, it fails the
    /// job rather than grind through the file keeping source text, unless some batch ever succeeded.
    /// </summary>
    private void RuleOutIfHopeless(EngineChain chain, EngineChainLink link, TranslationRun attempt, bool succeeded)
    {
        var (failedInARow, everSucceeded) = link.CountBatch(succeeded);
        if (everSucceeded || _options.GiveUpAfterFailedBatches == 0 || failedInARow < _options.GiveUpAfterFailedBatches)
        {
            return;
        }

        var sample = attempt.Warnings.OrderBy(w => w.CueIndex).FirstOrDefault()?.Message ?? "";
        if (chain.HasUsableAfter(link))
        {
            var reason = $"it returned nothing usable for the first {failedInARow} batches (first problem: {Reason(sample)})";
            link.RuleOut(reason);
            LogEngineRuledOut(link.Name, -1, reason);
            return;
        }

        if (chain.AnySucceeded)
        {
            // The engines before it did translate lines: what is left here keeps its source, with warnings.
            return;
        }

        throw new TranslationEngineException(
            TranslationEngineException.EngineUnusable,
            $"The {link.Name} engine returned nothing usable for the first {failedInARow} batches; giving up. First problem: {sample}");
    }

    private static string Reason(string keptMessage) =>
        (keptMessage.StartsWith(KeptSourcePrefix, StringComparison.Ordinal) ? keptMessage[KeptSourcePrefix.Length..] : keptMessage).TrimEnd('.');

    private static string Describe(Exception error) =>
        error switch
        {
            TaskCanceledException or OperationCanceledException => $"no answer in time ({error.Message.TrimEnd('.')})",
            _ => error.Message.ReplaceLineEndings(" ").TrimEnd('.'),
        };

    [LoggerMessage(LogLevel.Warning, "Engine {Engine} ruled out for this document at cue {CueIndex}; the next engine of the chain takes over: {Reason}")]
    private partial void LogEngineRuledOut(string engine, int cueIndex, string reason);
}

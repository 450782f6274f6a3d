using FluxCaption.Contracts;

namespace FluxCaption.Core.Translation.Budget;

/// <summary>
/// One engine's spending on one job, and the two reasons to stop it. A failure rate over the whole job
/// (every line sent, re-asks included) that shows the engine cannot do the pair stops every request.
/// A ceiling on requests and tokens drawn from the job's estimate stops what goes beyond the estimate:
/// re-asks, splits, second looks and proofreading. Every line is still asked once (those first asks
/// are the estimate itself), so a film is never left half unsent because its first scenes were costly;
/// the job spends at most the ceiling plus the first asks left. Shared by batches running in parallel;
/// a request is counted when it starts, so parallel batches cannot overshoot the ceiling together.
/// </summary>
internal sealed class EngineGuard(string engine, JobBudgetFigures estimate, TranslationOptions options, bool usesTokens, TokenPrice? price)
{
    private readonly Lock _gate = new();
    private readonly int _ceilingRequests = options.BudgetCeilingFactor == 0
        ? int.MaxValue
        : Math.Max((int)Math.Min(int.MaxValue, Math.Ceiling(estimate.Requests * options.BudgetCeilingFactor)), options.BudgetFloorRequests);
    private readonly long _ceilingTokens = options.BudgetCeilingFactor == 0 || !usesTokens
        ? long.MaxValue
        : Math.Max((long)Math.Ceiling(estimate.Tokens * options.BudgetCeilingFactor), options.BudgetFloorTokens);
    private int _requests;
    private int _answered;
    private long _promptTokens;
    private long _completionTokens;
    private long _linesSent;
    private long _linesFailed;
    private string? _stopReason;
    private string? _ceilingReason;

    public bool UsesTokens { get; } = usesTokens;

    /// <summary>Why the engine may send nothing more on this job (it cannot do the pair), with the figures; null while it may.</summary>
    public string? StopReason
    {
        get
        {
            lock (_gate)
            {
                return _stopReason;
            }
        }
    }

    /// <summary>Why the engine asks nothing again any more (failure rate, or the ceiling), with the figures; null while it may.</summary>
    public string? HaltReason
    {
        get
        {
            lock (_gate)
            {
                return _stopReason ?? _ceilingReason;
            }
        }
    }

    /// <summary>
    /// Counts a request about to be sent; false (and nothing counted) once the engine has stopped, or,
    /// for anything but a line's first ask, once it has reached its ceiling.
    /// </summary>
    public bool TryStart(bool firstAsk)
    {
        lock (_gate)
        {
            if (_ceilingReason is null && (_requests >= _ceilingRequests || _promptTokens + _completionTokens >= _ceilingTokens))
            {
                var tokens = UsesTokens ? $" and {_promptTokens + _completionTokens} tokens" : "";
                var estimated = UsesTokens ? $" and {estimate.Tokens} tokens" : "";
                var ceiling = UsesTokens ? $" or {_ceilingTokens} tokens" : "";
                _ceilingReason = $"it reached the job's budget ceiling: {_requests} requests{tokens} spent against an estimate of "
                    + $"{estimate.Requests} requests{estimated} (ceiling {_ceilingRequests} requests{ceiling}); "
                    + "from then on each line was asked once and not again";
            }

            if (_stopReason is not null || (_ceilingReason is not null && !firstAsk))
            {
                return false;
            }

            _requests++;
            return true;
        }
    }

    /// <summary>Records an answered request: the tokens it cost and how many of the lines it carried came back unusable.</summary>
    public void Finish(int linesSent, int linesFailed, long promptTokens, long completionTokens)
    {
        lock (_gate)
        {
            _answered++;
            _promptTokens += promptTokens;
            _completionTokens += completionTokens;
            _linesSent += linesSent;
            _linesFailed += linesFailed;
            if (_stopReason is null
                && options.FailureRateMinRequests > 0
                && _answered >= options.FailureRateMinRequests
                && _linesFailed > _linesSent * options.FailureRateMaxShare)
            {
                _stopReason = $"it cannot do this language pair: {_linesFailed} of the {_linesSent} lines sent in {_answered} requests "
                    + $"came back unusable (more than {options.FailureRateMaxShare:P0})";
            }
        }
    }

    /// <summary>What this engine has spent on the job so far (seconds are the job's, not counted here).</summary>
    public JobBudgetFigures Spent()
    {
        lock (_gate)
        {
            return new JobBudgetFigures(_requests, _promptTokens, _completionTokens, 0, price?.Of(_promptTokens, _completionTokens));
        }
    }

    public override string ToString() => engine;
}

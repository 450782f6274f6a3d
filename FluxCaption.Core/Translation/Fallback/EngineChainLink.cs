namespace FluxCaption.Core.Translation.Fallback;

/// <summary>
/// One engine of a document's chain and what this document has learnt about it so far: whether it
/// was ruled out (unknown, pair unsupported, unreachable after its retries, or useless on the first
/// batches) and how its batches went. Shared by batches running in parallel.
/// </summary>
internal sealed class EngineChainLink(string name, ITranslationEngine? engine, string? model, string? unusableReason)
{
    private readonly Lock _gate = new();
    private string? _unusableReason = unusableReason;
    private int _failedInARow;
    private bool _everSucceeded;

    public string Name { get; } = name;

    /// <summary>Null when no engine of that name is registered (then <see cref="UnusableReason"/> says so).</summary>
    public ITranslationEngine? Engine { get; } = engine;

    public string? Model { get; } = model;

    /// <summary>This engine's spending on the document and its reasons to stop; set once the job's estimate is known.</summary>
    public Budget.EngineGuard? Guard { get; set; }

    public string? UnusableReason
    {
        get
        {
            lock (_gate)
            {
                return _unusableReason;
            }
        }
    }

    public bool Usable => UnusableReason is null;

    /// <summary>Rules the engine out for the rest of the document; the first reason stays.</summary>
    public void RuleOut(string reason)
    {
        lock (_gate)
        {
            _unusableReason ??= reason;
        }
    }

    /// <summary>Counts a batch this engine was asked; returns how many in a row it has now failed and whether it ever succeeded.</summary>
    public (int FailedInARow, bool EverSucceeded) CountBatch(bool succeeded)
    {
        lock (_gate)
        {
            _failedInARow = succeeded ? 0 : _failedInARow + 1;
            _everSucceeded |= succeeded;
            return (_failedInARow, _everSucceeded);
        }
    }

    /// <summary>The document started with this engine's earlier work (checkpoint or memory): it is known to work.</summary>
    public void MarkSucceeded()
    {
        lock (_gate)
        {
            _everSucceeded = true;
        }
    }
}

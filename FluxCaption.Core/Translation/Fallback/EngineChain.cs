using FluxCaption.Core.Translation.Engines;

namespace FluxCaption.Core.Translation.Fallback;

/// <summary>
/// The engines a document may be translated with, in order: the job's own, then its fallback chain
/// (duplicates dropped). Engines that cannot serve the pair at all are ruled out up front; the chain
/// is refused only when none is left.
/// </summary>
internal sealed class EngineChain
{
    private readonly Lock _gate = new();
    private bool _anySucceeded;

    private EngineChain(IReadOnlyList<EngineChainLink> links) => Links = links;

    public IReadOnlyList<EngineChainLink> Links { get; }

    /// <exception cref="TranslationEngineException">No engine of the chain can translate the pair; the code is the job's own engine's problem.</exception>
    public static EngineChain Build(
        IEnumerable<ITranslationEngine> engines,
        EngineChoice primary,
        IEnumerable<EngineChoice>? fallback,
        string sourceLanguage,
        string targetLanguage)
    {
        var registered = engines.ToList();
        var links = new List<EngineChainLink>();
        (string Code, string Message)? primaryProblem = null;
        foreach (var choice in new[] { primary }.Concat(fallback ?? []))
        {
            var name = choice.Engine?.Trim().ToLowerInvariant() ?? "";
            var model = string.IsNullOrWhiteSpace(choice.Model) ? null : choice.Model.Trim();
            if (links.Any(l => l.Name == name && l.Model == model))
            {
                continue;
            }

            var engine = registered.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            (string Code, string Message)? problem = engine is null
                ? (TranslationEngineException.EngineUnknown,
                    $"No translation engine named '{choice.Engine}' is configured (known: {string.Join(", ", registered.Select(e => e.Name))}).")
                : !engine.Supports(sourceLanguage, targetLanguage)
                    ? (TranslationEngineException.PairUnsupported, $"The {engine.Name} engine cannot translate {sourceLanguage} to {targetLanguage}.")
                    : null;
            primaryProblem ??= links.Count == 0 ? problem : null;
            links.Add(new EngineChainLink(name, engine, model, problem?.Message));
        }

        if (!links.Any(l => l.Usable))
        {
            var (code, message) = primaryProblem ?? (TranslationEngineException.EngineUnknown, "No translation engine was named.");
            throw new TranslationEngineException(code, links.Count > 1 ? $"{message} No engine of the fallback chain can take over either." : message);
        }

        return new EngineChain(links);
    }

    /// <summary>The first engine still in the running: the one whose memory is consulted and whose parallelism is used.</summary>
    public EngineChainLink First => Links.First(l => l.Usable);

    public bool AnySucceeded
    {
        get
        {
            lock (_gate)
            {
                return _anySucceeded;
            }
        }
    }

    /// <summary>A batch got some translation (from any engine), or the document started with finished work.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _anySucceeded = true;
        }
    }

    /// <summary>What every engine of the chain has spent on the document so far.</summary>
    public Contracts.JobBudgetFigures Spent() =>
        Links.Select(l => l.Guard?.Spent() ?? Contracts.JobBudgetFigures.None).Aggregate(Contracts.JobBudgetFigures.None, (sum, s) => sum.Plus(s));

    /// <summary>Whether some engine after <paramref name="link"/> could still take over its lines.</summary>
    public bool HasUsableAfter(EngineChainLink link)
    {
        return Links.SkipWhile(l => !ReferenceEquals(l, link)).Skip(1).Any(l => l.Usable);
    }
}

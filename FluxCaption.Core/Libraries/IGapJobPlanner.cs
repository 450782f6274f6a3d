namespace FluxCaption.Core.Libraries;

/// <summary>Turns missing languages into jobs: one per (item, target language), never two active at once.</summary>
public interface IGapJobPlanner
{
    Task<GapPlanResult> PlanAsync(GapPlanRequest request, CancellationToken cancellationToken);
}

/// <summary>Which items and languages to look at, and how the created jobs run.</summary>
/// <param name="TargetLanguages">Canonical or loose tags; normalised by the planner.</param>
public sealed record GapPlanRequest(IReadOnlyList<string> TargetLanguages)
{
    /// <summary>Limit to these libraries; null for all.</summary>
    public IReadOnlyList<Guid>? LibraryIds { get; init; }

    /// <summary>Limit to these items (the "translate selected items" action, a webhook's item); null for all.</summary>
    public IReadOnlyList<Guid>? MediaItemIds { get; init; }

    /// <summary>Preferred source languages, best first; empty means any text subtitle.</summary>
    public IReadOnlyList<string> SourceLanguages { get; init; } = [];

    public string? Engine { get; init; }

    public string? Model { get; init; }

    public int Priority { get; init; }

    /// <summary>Items first seen less than this ago are skipped (human subtitles may still arrive).</summary>
    public TimeSpan MinimumItemAge { get; init; }

    public Guid? RuleId { get; init; }
}

public sealed record GapPlanResult(int ItemsConsidered, int GapsFound, int JobsCreated, IReadOnlyList<Guid> CreatedJobIds);

namespace FluxCaption.Core.Libraries.Rules;

/// <summary>What one run of a rule did.</summary>
public sealed record RuleRunOutcome(
    Guid RuleId,
    RuleRunStatus Status,
    IReadOnlyList<LibrarySyncSummary> Syncs,
    GapPlanResult? Plan,
    string? Error);

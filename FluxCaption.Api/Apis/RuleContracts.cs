using FluxCaption.Contracts.Rules;

namespace FluxCaption.Api.Apis;

/// <param name="MinimumItemAge">How old an item must be before the rule translates it ("1.00:00:00" is one day).</param>
public sealed record RuleRequest(
    string? Name,
    bool? Enabled,
    IReadOnlyList<Guid>? LibraryIds,
    IReadOnlyList<string>? TargetLanguages,
    IReadOnlyList<string>? SourceLanguages,
    string? Engine,
    string? Model,
    string? Cron,
    int? Priority,
    TimeSpan? MinimumItemAge);

/// <param name="LastRunStatus">One of <see cref="RuleRunStatuses"/>: the run and the jobs it created together.</param>
/// <param name="LastRunJobs">The jobs the last run created, by status now; null before the first run.</param>
public sealed record RuleResponse(
    Guid Id,
    string Name,
    bool Enabled,
    IReadOnlyList<Guid> LibraryIds,
    IReadOnlyList<string> TargetLanguages,
    IReadOnlyList<string> SourceLanguages,
    string? Engine,
    string? Model,
    string Cron,
    int Priority,
    TimeSpan MinimumItemAge,
    DateTimeOffset? LastRunAt,
    string? LastRunStatus,
    string? LastRunError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    RuleRunJobCounts? LastRunJobs);

public sealed record RuleRunAccepted(Guid RuleId, bool Queued);

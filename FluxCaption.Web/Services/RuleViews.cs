using FluxCaption.Contracts.Rules;

namespace FluxCaption.Web.Services;

/// <summary>An auto-translation rule as the Api sends it; <see cref="LastRunStatus"/> is one of <see cref="RuleRunStatuses"/>.</summary>
public sealed record RuleView(
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
    RuleRunJobCounts? LastRunJobs = null)
{
    /// <summary>The same rule as a request body, for a PUT that changes one field.</summary>
    public RuleInput ToInput() => new(Name, Enabled, LibraryIds, TargetLanguages, SourceLanguages, Engine, Model, Cron, Priority, MinimumItemAge);
}

/// <summary>What a rule is created or replaced with (<c>POST</c>/<c>PUT /api/rules</c>).</summary>
public sealed record RuleInput(
    string Name,
    bool Enabled,
    IReadOnlyList<Guid> LibraryIds,
    IReadOnlyList<string> TargetLanguages,
    IReadOnlyList<string> SourceLanguages,
    string? Engine,
    string? Model,
    string Cron,
    int Priority,
    TimeSpan MinimumItemAge);

/// <param name="Queued">False when a run of this rule was already waiting.</param>
public sealed record RuleRunAcceptedView(Guid RuleId, bool Queued);

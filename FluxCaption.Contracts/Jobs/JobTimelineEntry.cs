namespace FluxCaption.Contracts.Jobs;

/// <summary>
/// One line of a job's timeline (<c>GET /api/jobs/{id}/timeline</c>): what happened, when, and where the
/// job stood right after it. The job fields are null for an event recorded without them.
/// </summary>
/// <param name="Type">An event type name from <see cref="JobEventTypes"/> (e.g. <c>job.started</c>).</param>
/// <param name="Message">The event's own words (an error, the reason for a wait), if it has any.</param>
public sealed record JobTimelineEntry(
    long Id,
    string Type,
    string? Message,
    DateTimeOffset At,
    string? Status,
    string? Stage,
    double? Progress,
    int? Attempt);

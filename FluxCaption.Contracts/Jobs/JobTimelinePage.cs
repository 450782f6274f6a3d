namespace FluxCaption.Contracts.Jobs;

/// <summary>One page of a job's timeline, newest event first.</summary>
public sealed record JobTimelinePage(IReadOnlyList<JobTimelineEntry> Items, int Page, int PageSize, int Total);

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Reads the capped Redis stream of job events for live views (SSE). Ids are the stream's entry ids,
/// so a client that reconnects with Last-Event-ID continues exactly after what it saw.
/// </summary>
public interface IJobEventFeed
{
    /// <summary>
    /// Events after <paramref name="afterId"/> (exclusive; null = only new ones from now, "0" = from the start
    /// of the retained stream), optionally for one job, waiting up to <paramref name="wait"/> when there are none.
    /// </summary>
    Task<IReadOnlyList<JobEventMessage>> ReadAsync(string? afterId, Guid? jobId, int max, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>The id of the newest event, or "0-0" when there is none: where a fresh subscriber starts.</summary>
    Task<string> GetLatestIdAsync(CancellationToken cancellationToken);
}

/// <summary>One event as served to clients. <see cref="Data"/> is JSON (the job snapshot or event details).</summary>
public sealed record JobEventMessage(string Id, Guid JobId, string Type, DateTimeOffset Timestamp, string Data);

namespace FluxCaption.Core.Data;

/// <summary>One line of a job's timeline (stage started, batch retried, failed...).</summary>
public sealed class JobEventEntity
{
    public long Id { get; set; }

    public Guid JobId { get; set; }

    public string Type { get; set; } = "";

    public string? Message { get; set; }

    /// <summary>jsonb details.</summary>
    public string? Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

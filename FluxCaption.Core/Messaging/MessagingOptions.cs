using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Messaging;

/// <summary>Redis Streams settings, bound from the "Messaging" section.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Prefix of every stream, channel and key; tests use a unique one each.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "fluxcaption:";

    [Required]
    public string ConsumerGroup { get; set; } = "workers";

    /// <summary>Deliveries a stage message may have without being acknowledged; the next one (delivery count above this) sends it to the dead-letter stream instead of running it.</summary>
    [Range(1, 100)]
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>How long an entry stays unacknowledged before another consumer claims it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait between reads when no wake-up signal arrives.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Approximate length the events stream is trimmed to.</summary>
    [Range(100, 10_000_000)]
    public int EventsMaxLength { get; set; } = 10_000;

    /// <summary>At most one progress event per job in this interval; state changes always go out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ProgressEventInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A consumer idle this long and holding no entry is removed from its group by the reaper (a dead worker's name).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "30.00:00:00")]
    public TimeSpan ConsumerRemoveAfter { get; set; } = TimeSpan.FromHours(1);
}

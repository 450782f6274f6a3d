using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// How FluxCaption talks to Jellyfin (section "Jellyfin"). The server address and key are runtime
/// settings (see <see cref="IJellyfinConnectionProvider"/>), not configuration.
/// </summary>
public sealed class JellyfinOptions : IValidatableObject
{
    public const string SectionName = "Jellyfin";

    /// <summary>The Device and DeviceId Jellyfin shows in its dashboard; the id must stay the same across restarts.</summary>
    [Required]
    public string DeviceName { get; set; } = Environment.MachineName;

    /// <summary>Stable per machine by default (derived from the host name), so Jellyfin sees one device, not one per start.</summary>
    [Required]
    public string DeviceId { get; set; } = DefaultDeviceId();

    /// <summary>Items per <c>GET /Items</c> page: large enough to be cheap, small enough to keep memory flat.</summary>
    [Range(1, 5_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>One HTTP attempt; a delete waits for Jellyfin's synchronous refresh (~0.3 s), a first download extracts (~0.15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts of one call together, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries of a failed GET (5xx, timeout, connection error). Uploads and deletes are never retried.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an upload may take to show up as a stream (Jellyfin answers 204 before its own refresh).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan UploadVisibleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan UploadPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(TotalTimeout)} must be longer than {nameof(AttemptTimeout)}, or no attempt could be retried.",
                [nameof(TotalTimeout)]);
        }
    }

    private static string DefaultDeviceId()
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("fluxcaption:" + Environment.MachineName));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}

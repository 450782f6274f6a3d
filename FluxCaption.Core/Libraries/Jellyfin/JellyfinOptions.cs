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

    /// <summary>
    /// When the item's path is not readable on this host (Jellyfin in a container or on another machine), fetch a
    /// temporary copy of the file from Jellyfin for speech recognition and OCR. Off: such items fail with media_not_readable.
    /// </summary>
    public bool DownloadMediaWhenNotMounted { get; set; } = true;

    /// <summary>
    /// A media download gives up on a connection that sends no byte for this long (and resumes on a new one).
    /// There is no total timeout: a file of several GB over a slow link takes as long as it takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MediaDownloadStallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times one media download continues (HTTP Range) after its connection dropped or stalled.</summary>
    [Range(0, 100)]
    public int MediaDownloadMaxResumes { get; set; } = 5;

    /// <summary>Disk space a media download leaves free in the temp folder, for ffmpeg's own files and the rest of the host.</summary>
    [Range(0, long.MaxValue)]
    public long MediaDownloadReserveBytes { get; set; } = 512L * 1024 * 1024;

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

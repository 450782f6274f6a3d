using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// What both HTTP speech engines share: the server's address and the resilience pipeline of its named
/// HttpClient (one attempt's timeout, all attempts' timeout, retries with doubling waits or Retry-After).
/// </summary>
public abstract class HttpSpeechEngineOptions : IValidatableObject
{
    /// <summary>The server's base address (http://host:9000); the engine adds its own path.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>One upload and its transcription; a 30 s window takes seconds on a GPU, up to a minute on a slow CPU.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>All attempts of one window together, retries and their waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "04:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First wait before a retry (doubling after), unless the server sends Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(TotalTimeout)} must be longer than {nameof(AttemptTimeout)}, or no attempt could be retried.",
                [nameof(TotalTimeout)]);
        }

        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{nameof(Endpoint)} must be an absolute http(s) address.", [nameof(Endpoint)]);
        }
    }

    /// <summary>The endpoint with <paramref name="path"/> appended, keeping any path prefix the endpoint has (a reverse proxy's).</summary>
    protected Uri Resolve(string path) => new(Endpoint!.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'));
}

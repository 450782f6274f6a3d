using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// The Ollama engine's settings (section "Ollama"). <see cref="Endpoint"/> and <see cref="Model"/> come
/// from ConnectionStrings:llm ("Endpoint=http://host:11434;Model=qwen2.5:7b-instruct") when it is set.
/// </summary>
public sealed class OllamaEngineOptions : IValidatableObject
{
    public const string SectionName = "Ollama";

    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The model used when a job names none.</summary>
    [Required]
    public string Model { get; set; } = "qwen2.5:7b-instruct";

    /// <summary>Low: subtitles want faithful, repeatable wording, not creativity.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>Ask reasoning models not to think aloud (Ollama "think": false): slower, and it leaks into replies.</summary>
    public bool DisableThinking { get; set; } = true;

    /// <summary>One request may take this long: a 7B model on a CPU needs minutes for a batch.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>All attempts of one batch together, retries and their waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "04:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First wait before a retry (doubling after), unless the server sends Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests in flight at once to this server, across every job of the process.</summary>
    [Range(1, 256)]
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>Requests started per minute, evenly spaced; 0 means no limit.</summary>
    [Range(0, 60_000)]
    public int RequestsPerMinute { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(TotalTimeout)} must be longer than {nameof(AttemptTimeout)}, or no attempt could be retried.",
                [nameof(TotalTimeout)]);
        }

        if (Endpoint is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult($"{nameof(Endpoint)} must be an absolute http(s) address.", [nameof(Endpoint)]);
        }
    }
}

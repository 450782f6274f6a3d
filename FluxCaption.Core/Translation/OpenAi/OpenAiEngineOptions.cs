using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation.OpenAi;

/// <summary>
/// The OpenAI-compatible engine's settings (section "OpenAi"): any server that speaks
/// POST {BaseUrl}/chat/completions (vLLM, LM Studio, llama.cpp server, DeepSeek, OpenAI).
/// </summary>
public sealed class OpenAiEngineOptions : IValidatableObject
{
    public const string SectionName = "OpenAi";

    /// <summary>The address the chat path hangs off, usually ending in /v1 (http://host:8000/v1).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token; local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a job names none; OpenAI-compatible servers have no common default.</summary>
    [Required]
    public string? Model { get; set; }

    /// <summary>Low: subtitles want faithful, repeatable wording, not creativity.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>
    /// Send chat_template_kwargs {"enable_thinking": false} (vLLM, llama.cpp server: Qwen3 and similar).
    /// Off by default because OpenAI itself rejects request fields it does not know.
    /// </summary>
    public bool DisableThinking { get; set; }

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

    /// <summary>Requests in flight at once to this endpoint, across every job of the process.</summary>
    [Range(1, 256)]
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>Requests started per minute, evenly spaced; 0 means no limit.</summary>
    [Range(0, 60_000)]
    public int RequestsPerMinute { get; set; }

    /// <summary>
    /// What the endpoint charges per million prompt (input) tokens, in any currency: with it, a job's
    /// estimate and spending carry a cost. Unset for servers that cost nothing per token.
    /// </summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? InputPricePerMillionTokens { get; set; }

    /// <summary>What the endpoint charges per million completion (output) tokens, in the same currency.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? OutputPricePerMillionTokens { get; set; }

    /// <summary>The prices as one, when either is set (the other then counts as free).</summary>
    public TokenPrice? Price => InputPricePerMillionTokens is null && OutputPricePerMillionTokens is null
        ? null
        : new TokenPrice(InputPricePerMillionTokens ?? 0, OutputPricePerMillionTokens ?? 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(TotalTimeout)} must be longer than {nameof(AttemptTimeout)}, or no attempt could be retried.",
                [nameof(TotalTimeout)]);
        }

        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{nameof(BaseUrl)} must be an absolute http(s) address.", [nameof(BaseUrl)]);
        }

        if (Model is not null && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{nameof(Model)} must name a model the server serves.", [nameof(Model)]);
        }
    }
}

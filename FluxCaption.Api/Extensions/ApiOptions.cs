using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Api.Extensions;

/// <summary>Settings of the Api service (section "Api").</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";
    public const long DefaultMaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The API key clients send. When empty, one is generated at first start, stored (hashed) in the
    /// database and written once to the log.
    /// </summary>
    public string? Key { get; set; }

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Engine for jobs that name none; empty means "ollama" when an LLM is configured, else "apertium".</summary>
    public string? DefaultEngine { get; set; }

    /// <summary>
    /// Fallback chain for jobs that name none, e.g. "openai:gpt-4o-mini,apertium"; "none" for no chain.
    /// Empty means Apertium wherever it can translate the job's pair.
    /// </summary>
    public string? DefaultFallback { get; set; }

    /// <summary>Most cues an uploaded file may have; a longer one is refused with 400 before a job is made.</summary>
    [Range(1, 1_000_000)]
    public int MaxCuesPerFile { get; set; } = 20_000;

    /// <summary>Most styles an uploaded ASS/SSA file may declare (typeset releases use a few hundred at most).</summary>
    [Range(1, 100_000)]
    public int MaxStylesPerFile { get; set; } = 1_000;

    /// <summary>
    /// Longest line of text one cue of an upload may have, override tags included. Generous because ASS
    /// drawing commands ({\p1}m 0 0 l ...) make legitimately long lines.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxLineLength { get; set; } = 20_000;

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 200;
}

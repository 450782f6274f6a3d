using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Core.Jobs;

/// <summary>An uploaded, already parsed subtitle to translate. Languages are canonical tags.</summary>
public sealed record NewTranslationJob(
    SubtitleDocument Document,
    string OriginalFileName,
    string? SourceLanguage,
    string TargetLanguage,
    string Engine,
    string? Model,
    SubtitleFormat OutputFormat,
    IReadOnlyList<GlossaryTerm>? Glossary = null)
{
    /// <summary>Write the translation with the source line under it.</summary>
    public bool Bilingual { get; init; }

    /// <summary>What the user should know about the uploaded file itself (e.g. the encoding it had to be read as), kept through translation and retries.</summary>
    public IReadOnlyList<Translation.DocumentWarning> SourceWarnings { get; init; } = [];

    /// <summary>Run the proofreading pass after translating (LLM engines only).</summary>
    public bool Proofread { get; init; }

    /// <summary>Engines to try, in order, for lines <see cref="Engine"/> cannot translate; empty for none.</summary>
    public IReadOnlyList<Translation.Engines.EngineChoice> Fallback { get; init; } = [];
}

public sealed record JobPage(IReadOnlyList<Job> Items, int Page, int PageSize, int Total);

/// <summary>Result of a control call: the job after it, or why it could not be applied.</summary>
public sealed record JobControlOutcome(JobControlResult Result, Job? Job, string? Reason = null);

public enum JobControlResult
{
    Applied,
    NotFound,
    /// <summary>The job's status does not allow it (e.g. cancelling a succeeded job).</summary>
    Conflict,
}

/// <summary>The bytes of a job's result with its file name and media type; <see cref="Job"/> tells whether it is ready.</summary>
public sealed record JobResultFile(Job Job, byte[]? Content, string? FileName, string? ContentType);

using FluxCaption.Contracts;

namespace FluxCaption.Web.Services;

/// <summary>A job as the Api returns it (the Web app's own copy of the wire shape).</summary>
public sealed record JobView(
    Guid Id,
    string Status,
    string Stage,
    double Progress,
    string? SourceLanguage,
    string TargetLanguage,
    string Engine,
    string? Model,
    string OutputFormat,
    JobErrorView? Error,
    IReadOnlyList<JobWarningView>? Warnings,
    int Attempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public bool Bilingual { get; init; }

    public bool Proofread { get; init; }

    /// <summary>The library item a library job fills a gap of; null for an uploaded file.</summary>
    public Guid? MediaItemId { get; init; }

    /// <summary>The subtitle document the job translates; null until known.</summary>
    public Guid? SourceDocumentId { get; init; }

    /// <summary>The subtitle document the job produced; null until it has succeeded.</summary>
    public Guid? ResultDocumentId { get; init; }

    /// <summary>Why a queued job is not running yet (e.g. it needs OCR).</summary>
    public string? WaitReason { get; init; }

    /// <summary>The uploaded file's name, or the item ("Series S01E02 · Title").</summary>
    public string? Subject { get; init; }

    /// <summary>Where a library job's source subtitle came from, once it has one.</summary>
    public JobSourceView? Source { get; init; }

    /// <summary>While the job makes its source: speech recognition or OCR, and how far it got.</summary>
    public SourceWorkView? SourceWork { get; init; }

    /// <summary>What the translation was estimated to cost before it started; null until planned.</summary>
    public JobBudgetFigures? Estimate { get; init; }

    /// <summary>What the translation has spent so far; null until it starts.</summary>
    public JobBudgetFigures? Spent { get; init; }

    public bool IsTerminal => Status is "succeeded" or "failed" or "cancelled";
}

/// <param name="Origin">existing, extracted, ocr, asr or mt.</param>
public sealed record JobSourceView(string Origin, string? Engine, string? Model);

/// <param name="Kind">speech or ocr.</param>
public sealed record SourceWorkView(string Kind, string Track, double? AudioSeconds, double? DoneSeconds, double? EtaSeconds);

public sealed record JobErrorView(string Code, string Message);

/// <param name="Engine">The fallback engine that translated the cue (code fallback_engine).</param>
public sealed record JobWarningView(int? CueIndex, string Code, string Message, string? Engine = null);

public sealed record SystemInfoView(string Version, IReadOnlyList<string> Engines, string DefaultEngine, IReadOnlyList<string> OutputFormats);

/// <summary>What the user fills in on the translate page.</summary>
public sealed record TranslationUpload(
    Stream Content,
    string FileName,
    string TargetLanguage,
    string? SourceLanguage,
    string? Engine,
    string? Model,
    string? OutputFormat,
    string? Glossary = null,
    string? Fallback = null)
{
    /// <summary>Ask for the source line under each translation.</summary>
    public bool Bilingual { get; init; }

    /// <summary>Ask for the proofreading pass (LLM engines only).</summary>
    public bool Proofread { get; init; }
}

/// <summary>A downloaded result file.</summary>
public sealed record ResultFile(byte[] Content, string FileName, string ContentType);

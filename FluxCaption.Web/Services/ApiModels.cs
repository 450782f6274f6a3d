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
    public bool IsTerminal => Status is "succeeded" or "failed" or "cancelled";
}

public sealed record JobErrorView(string Code, string Message);

public sealed record JobWarningView(int? CueIndex, string Code, string Message);

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
    string? Fallback = null);

/// <summary>A downloaded result file.</summary>
public sealed record ResultFile(byte[] Content, string FileName, string ContentType);

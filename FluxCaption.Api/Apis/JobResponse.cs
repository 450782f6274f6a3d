using System.Text.Json;
using FluxCaption.Contracts;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Api.Apis;

/// <summary>A job as clients see it. Status and stage serialise as lower-case words.</summary>
public sealed record JobResponse(
    Guid Id,
    JobStatus Status,
    JobStage Stage,
    double Progress,
    string? SourceLanguage,
    string TargetLanguage,
    string Engine,
    string? Model,
    string OutputFormat,
    JobError? Error,
    IReadOnlyList<JobWarning> Warnings,
    IReadOnlyList<GlossaryTerm> Glossary,
    int Attempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The result carries the source line under each translation.</summary>
    public bool Bilingual { get; init; }

    /// <summary>The proofreading pass was asked for.</summary>
    public bool Proofread { get; init; }

    /// <summary>The engines tried, in order, for lines <see cref="Engine"/> cannot translate.</summary>
    public IReadOnlyList<EngineChoice> Fallback { get; init; } = [];

    /// <summary>The library item a library job fills a gap of; null for an uploaded file.</summary>
    public Guid? MediaItemId { get; init; }

    /// <summary>The subtitle document the job translates (an upload, or the source a library job found or made); null until known.</summary>
    public Guid? SourceDocumentId { get; init; }

    /// <summary>The subtitle document the job produced; null until it has succeeded.</summary>
    public Guid? ResultDocumentId { get; init; }

    /// <summary>The rule that planned the job, if one did.</summary>
    public Guid? RuleId { get; init; }

    public int Priority { get; init; }

    /// <summary>Why a queued job is not running yet (e.g. it needs OCR or speech recognition).</summary>
    public string? WaitReason { get; init; }

    /// <summary>What the translation was estimated to cost before it started (requests, tokens, seconds, cost); null until the translate stage plans it.</summary>
    public JobBudgetFigures? Estimate { get; init; }

    /// <summary>What the translation has really spent so far, every attempt and engine together; null until it starts.</summary>
    public JobBudgetFigures? Spent { get; init; }

    /// <summary>What the job translates, in words: the uploaded file's name, or the item ("Series S01E02 · Title").</summary>
    public string? Subject { get; init; }

    /// <summary>Where a library job's source subtitle came from, once it has one.</summary>
    public JobSourceResponse? Source { get; init; }

    /// <summary>While the job makes its source in the asr stage: speech recognition or OCR of which track, and how far it got.</summary>
    public SourceWorkResponse? SourceWork { get; init; }
}

/// <param name="Origin">existing (a subtitle file beside the video), extracted (an embedded text track), ocr (read from an image-based track), asr (speech recognition), mt (FluxCaption's own earlier translation).</param>
/// <param name="Engine">The speech or OCR engine that made it, when FluxCaption made it.</param>
public sealed record JobSourceResponse(string Origin, string? Engine, string? Model);

/// <param name="Kind"><c>speech</c> (transcribing an audio track) or <c>ocr</c> (reading a bitmap subtitle track's images).</param>
/// <param name="Track">The track in words ("en audio track 1").</param>
/// <param name="AudioSeconds">Length of the audio (speech only), once known.</param>
/// <param name="DoneSeconds">Audio transcribed so far.</param>
/// <param name="EtaSeconds">Estimated seconds left, from this run's pace.</param>
public sealed record SourceWorkResponse(string Kind, string Track, double? AudioSeconds, double? DoneSeconds, double? EtaSeconds);

public sealed record JobError(string Code, string Message);

/// <summary>
/// Something about the result the user must know, e.g. a cue that kept its source text. <paramref name="Engine"/>
/// names the fallback engine that translated the cue (code <c>fallback_engine</c>), null otherwise.
/// </summary>
public sealed record JobWarning(int? CueIndex, string Code, string Message, string? Engine = null);

public sealed record JobPageResponse(IReadOnlyList<JobResponse> Items, int Page, int PageSize, int Total);

public static class JobResponseMapping
{
    public static JobResponse ToJobResponse(this Job job) => new(
        job.Id,
        job.Status,
        job.Stage,
        Math.Round(job.Progress, 4),
        job.SourceLanguage,
        job.TargetLanguage,
        job.Engine,
        job.Model,
        SubtitleFormatNames.ToApiName(job.OutputFormat),
        job.ErrorCode is null ? null : new JobError(job.ErrorCode, job.ErrorMessage ?? job.ErrorCode),
        ReadWarnings(job.Warnings),
        ReadGlossary(job.Glossary),
        job.Attempt,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt)
    {
        Bilingual = job.Bilingual,
        Proofread = job.Proofread,
        MediaItemId = job.MediaItemId,
        SourceDocumentId = job.SourceDocumentId,
        ResultDocumentId = job.ResultDocumentId,
        RuleId = job.RuleId,
        Priority = job.Priority,
        WaitReason = job.WaitReason,
        SourceWork = ReadSourceWork(job),

        Fallback = ReadFallback(job.FallbackEngines),
        Estimate = JobBudgetJson.Read(job.Budget).Estimate,
        Spent = JobBudgetJson.Read(job.Budget).Spent,
    };

    private static SourceWorkResponse? ReadSourceWork(Job job) =>
        job.Stage == JobStage.Asr && SourceCheckpoint.TryRead(job.Checkpoint) is { } source
            ? new SourceWorkResponse(source.Kind, SourceTrackKey.Describe(source.Track), source.AudioSeconds, source.DoneSeconds, source.EtaSeconds)
            : null;

    public static JobPageResponse ToJobPageResponse(this JobPage page) =>
        new([.. page.Items.Select(ToJobResponse)], page.Page, page.PageSize, page.Total);

    // The worker stores warnings as a JSON array of {cueIndex, code, message}; read it leniently so an
    // older or newer shape never turns a job read into a 500.
    private static List<JobWarning> ReadWarnings(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateArray().Select(ReadWarning)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IReadOnlyList<EngineChoice> ReadFallback(string? json)
    {
        try
        {
            return EngineChainJson.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // Stored by the Api itself, so it parses; a row edited by hand must still not break job reads.
    private static IReadOnlyList<GlossaryTerm> ReadGlossary(string? json)
    {
        try
        {
            return GlossaryJson.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JobWarning ReadWarning(JsonElement element)
    {
        int? cue = TryGet(element, "cueIndex", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
        var code = TryGet(element, "code", out var k) ? k.ToString() : "warning";
        var message = TryGet(element, "message", out var m) ? m.ToString() : code;
        var engine = TryGet(element, "engine", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return new JobWarning(cue, code, message, engine);
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

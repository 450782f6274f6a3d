using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>A unit of work as stored in Postgres, the source of truth for every job's state.</summary>
public sealed class Job
{
    public Guid Id { get; set; }

    public JobKind Kind { get; set; } = JobKind.Translate;

    public JobStage Stage { get; set; } = JobStage.Translate;

    public JobStatus Status { get; set; } = JobStatus.Queued;

    public int Priority { get; set; }

    public Guid? MediaItemId { get; set; }

    /// <summary>The subtitle to translate; null for a library job until its acquire stage has found or made one.</summary>
    public Guid? SourceDocumentId { get; set; }

    /// <summary>The auto-translation rule that created the job, if any.</summary>
    public Guid? RuleId { get; set; }

    public Guid? ResultDocumentId { get; set; }

    /// <summary>Canonical BCP-47 tag; null until known (auto-detected later).</summary>
    public string? SourceLanguage { get; set; }

    public string TargetLanguage { get; set; } = "";

    public string Engine { get; set; } = "";

    public string? Model { get; set; }

    /// <summary>
    /// jsonb: the engines to try, in order, when <see cref="Engine"/> cannot translate a batch
    /// (<c>[{"engine":"apertium","model":null}]</c>); null for none.
    /// </summary>
    public string? FallbackEngines { get; set; }

    /// <summary>Write the translation with the source line under it (in ASS, a separate style).</summary>
    public bool Bilingual { get; set; }

    /// <summary>Run the optional proofreading pass over the finished translation.</summary>
    public bool Proofread { get; set; }

    /// <summary>
    /// Set by a retry that asks again for the lines kept in their source language, whether the job's
    /// checkpoint or the translation memory holds that decision; the new outcome replaces the remembered one.
    /// </summary>
    public bool RetranslateKept { get; set; }

    public SubtitleFormat OutputFormat { get; set; }

    /// <summary>0..1, persisted per batch.</summary>
    public double Progress { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>Why a queued job is not moving (e.g. it waits for speech recognition); null when it is not waiting.</summary>
    public string? WaitReason { get; set; }

    public int Attempt { get; set; }

    public int MaxAttempts { get; set; } = 3;

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public bool CancelRequested { get; set; }

    public bool PauseRequested { get; set; }

    /// <summary>jsonb: stage progress that survives a crash (e.g. translated cues by index).</summary>
    public string? Checkpoint { get; set; }

    /// <summary>
    /// jsonb: what the translation was estimated to cost before it started and what it has really spent,
    /// <c>{"estimate":{"requests":12,...},"spent":{...}}</c> (see <see cref="JobBudgetJson"/>); null before the translate stage.
    /// </summary>
    public string? Budget { get; set; }

    /// <summary>
    /// Cues the translate stage translated (memory hits included, kept source lines not), written with its
    /// result: the dashboard sums it per day without reading checkpoints or result documents.
    /// </summary>
    public int TranslatedCues { get; set; }

    /// <summary>jsonb: warnings the user must see (cues kept in the source language, recovered input).</summary>
    public string? Warnings { get; set; }

    /// <summary>The job's own glossary terms as JSON (see Translation.Glossary.GlossaryJson); null for none.</summary>
    public string? Glossary { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Moves a job to its next stage. Null members leave the column as it is; <see cref="WaitReason"/> is
/// always written (null clears it), and so is the checkpoint when <see cref="ClearCheckpoint"/> is set.
/// </summary>
public sealed record StageAdvance(JobStage Next)
{
    public Guid? SourceDocumentId { get; init; }

    public string? SourceLanguage { get; init; }

    public SubtitleFormat? OutputFormat { get; init; }

    public Guid? ResultDocumentId { get; init; }

    public string? Warnings { get; init; }

    public string? WaitReason { get; init; }

    public bool ClearCheckpoint { get; init; }

    /// <summary>The next stage's checkpoint (what it needs to start), written unless <see cref="ClearCheckpoint"/> is set.</summary>
    public string? Checkpoint { get; init; }
}

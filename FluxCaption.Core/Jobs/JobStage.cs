namespace FluxCaption.Core.Jobs;

/// <summary>The pipeline stage a job is in; each stage queue is its own Redis stream.</summary>
public enum JobStage
{
    Scan,
    Asr,
    Translate,
    Writeback,
}

namespace FluxCaption.Core.Jobs;

/// <summary>What a job produces.</summary>
public enum JobKind
{
    /// <summary>A translated subtitle from a source subtitle document.</summary>
    Translate,
}

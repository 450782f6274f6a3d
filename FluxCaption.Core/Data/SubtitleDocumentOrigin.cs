namespace FluxCaption.Core.Data;

/// <summary>Where a stored subtitle came from; provenance the user sees and the planner uses.</summary>
public enum SubtitleDocumentOrigin
{
    Existing,
    Extracted,
    Asr,
    Mt,
    Manual,
    Upload,
}

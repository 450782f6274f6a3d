namespace FluxCaption.Core.Data;

/// <summary>Where a stored subtitle came from; provenance the user sees and the planner uses.</summary>
public enum SubtitleDocumentOrigin
{
    Existing,
    Extracted,
    Asr,

    /// <summary>Read from a bitmap subtitle track (PGS, VobSub) by OCR.</summary>
    Ocr,
    Mt,
    Manual,
    Upload,
}

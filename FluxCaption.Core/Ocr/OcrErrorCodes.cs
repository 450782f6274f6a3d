namespace FluxCaption.Core.Ocr;

/// <summary>The <see cref="OcrException.Code"/> values, for callers that map them to job error codes.</summary>
public static class OcrErrorCodes
{
    /// <summary>Tesseract (or ffmpeg/ffprobe, needed to reach an embedded track) is not installed where the options say.</summary>
    public const string ToolMissing = "ocr_tool_missing";

    /// <summary>Tesseract has no trained data for the track's language; the message names the Debian package.</summary>
    public const string LanguageMissing = "ocr_language_missing";

    /// <summary>The track or file is not a readable PGS/VobSub stream (wrong codec, truncated, damaged).</summary>
    public const string BadTrack = "ocr_bad_track";

    /// <summary>Tesseract or ffmpeg failed or ran past its timeout.</summary>
    public const string Failed = "ocr_failed";
}

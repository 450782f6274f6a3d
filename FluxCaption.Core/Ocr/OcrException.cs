namespace FluxCaption.Core.Ocr;

/// <summary>A bitmap track could not be read; the message is for the user (a missing Tesseract language pack names the Debian package).</summary>
/// <param name="code">ocr_tool_missing, ocr_language_missing, ocr_bad_track, ocr_failed.</param>
public sealed class OcrException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

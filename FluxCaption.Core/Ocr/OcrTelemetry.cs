using System.Diagnostics;

namespace FluxCaption.Core.Ocr;

/// <summary>The "FluxCaption.Ocr" activity source: one activity per bitmap track or file read.</summary>
public static class OcrTelemetry
{
    public const string Name = "FluxCaption.Ocr";

    public static readonly ActivitySource ActivitySource = new(Name);
}

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The names of FluxCaption's own ActivitySources and Meters (one per component), so every service
/// exports them without knowing which component emits what.
/// </summary>
public static class FluxCaptionTelemetry
{
    // These must equal the names the components give their own ActivitySource and Meter
    // (MessagingTelemetry, TranslationTelemetry, WorkerTelemetry, LibrariesTelemetry, HttpSpeechTelemetry, WhisperModelCache, OcrTelemetry).
    public const string Worker = "FluxCaption.Worker";
    public const string Messaging = "FluxCaption.Messaging";
    public const string Translation = "FluxCaption.Translation";
    public const string Libraries = "FluxCaption.Libraries";
    /// <summary>The speech engines' requests and the Whisper.net model cache's loaded models and memory: one meter.</summary>
    public const string Speech = "FluxCaption.Speech";
    public const string Ocr = "FluxCaption.Ocr";

    public static readonly string[] ActivitySourceNames = [Worker, Messaging, Translation, Libraries, Ocr];

    /// <summary>Our meters; Npgsql's come through the Aspire Npgsql integration.</summary>
    public static readonly string[] MeterNames = [Worker, Translation, Libraries, Speech];
}

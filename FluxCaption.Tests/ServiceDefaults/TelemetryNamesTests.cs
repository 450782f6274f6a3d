using FluxCaption.Core.Libraries;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Core.Speech.WhisperNet;
using FluxCaption.Core.Translation;
using FluxCaption.Worker;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.ServiceDefaults;

/// <summary>Every component's ActivitySource and Meter is one that ServiceDefaults exports; a renamed one would silently vanish from traces or the dashboard.</summary>
public sealed class TelemetryNamesTests
{
    [Fact]
    public void EveryComponentSourceIsExportedByServiceDefaults()
    {
        FluxCaptionTelemetry.ActivitySourceNames.ShouldBe(
            [WorkerTelemetry.Name, MessagingTelemetry.Name, TranslationTelemetry.Name, LibrariesTelemetry.Name, OcrTelemetry.Name], ignoreOrder: true);
        WorkerTelemetry.ActivitySource.Name.ShouldBe(WorkerTelemetry.Name);
        MessagingTelemetry.ActivitySource.Name.ShouldBe(MessagingTelemetry.Name);
        TranslationTelemetry.ActivitySource.Name.ShouldBe(TranslationTelemetry.Name);
        LibrariesTelemetry.ActivitySource.Name.ShouldBe(LibrariesTelemetry.Name);
        OcrTelemetry.ActivitySource.Name.ShouldBe(OcrTelemetry.Name);
    }

    [Fact]
    public void EveryComponentMeterIsExportedByServiceDefaults()
    {
        FluxCaptionTelemetry.MeterNames.ShouldBe(
            [WorkerTelemetry.Name, TranslationTelemetry.Name, LibrariesTelemetry.Name, HttpSpeechTelemetry.Name], ignoreOrder: true);
        // The speech engines share one meter.
        WhisperModelCache.MeterName.ShouldBe(HttpSpeechTelemetry.Name);
    }
}

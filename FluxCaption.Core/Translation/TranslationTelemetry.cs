using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluxCaption.Core.Translation;

/// <summary>The "FluxCaption.Translation" activity source and meter (hosts add both to OpenTelemetry).</summary>
internal static class TranslationTelemetry
{
    public const string Name = "FluxCaption.Translation";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Engine requests by engine and outcome (accepted, refused).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "fluxcaption.translation.requests", description: "Engine requests by outcome");

    /// <summary>Cues finished by outcome (translated, kept_source).</summary>
    public static readonly Counter<long> Cues = Meter.CreateCounter<long>(
        "fluxcaption.translation.cues", description: "Cues finished by outcome");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "fluxcaption.translation.request.duration", unit: "s", description: "Engine request latency");
}

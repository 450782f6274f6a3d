using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluxCaption.Worker;

/// <summary>The Worker's ActivitySource and Meter ("FluxCaption.Worker").</summary>
public sealed class WorkerTelemetry : IDisposable
{
    public const string Name = "FluxCaption.Worker";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public WorkerTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        StageOutcomes = _meter.CreateCounter<long>("fluxcaption.jobs.stage_outcomes", "{delivery}", "Stage deliveries by outcome");
        StageDuration = _meter.CreateHistogram<double>("fluxcaption.jobs.stage_duration", "s", "Time spent running a stage delivery");
        Reaped = _meter.CreateCounter<long>("fluxcaption.jobs.reaped", "{job}", "Jobs re-queued or re-dispatched by the reaper");
    }

    public Counter<long> StageOutcomes { get; }

    public Histogram<double> StageDuration { get; }

    public Counter<long> Reaped { get; }

    public void Dispose() => _meter.Dispose();
}

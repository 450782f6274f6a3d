using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// Every measurement of the named meters while alive, the way an exporter sees them. Meters are
/// process-wide and tests run in parallel, so assertions filter on a tag value the test owns
/// (its own model name, library or database).
/// </summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public RecordedMeasurements(params string[] meterNames)
        : this(null, meterNames)
    {
    }

    /// <summary>Only the meters a host's <see cref="IMeterFactory"/> created (its scope), so parallel hosts do not mix.</summary>
    public RecordedMeasurements(IMeterFactory? scope, params string[] meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name) && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Measurements of one instrument whose tags include every given pair.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, object? Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument.Name == instrument
            && tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value)))];

    /// <summary>The sum of the matching measurements (a counter's total).</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    /// <summary>The latest value an observable gauge reported for the given tags, after asking it now; null when it reported none.</summary>
    public double? Observe(string instrument, params (string Key, object? Value)[] tags)
    {
        _measurements.Clear();
        Collect();
        return Of(instrument, tags) is { Count: > 0 } found ? found[^1].Value : null;
    }

    /// <summary>Asks observable instruments for their current values (what a collection by an exporter does).</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}

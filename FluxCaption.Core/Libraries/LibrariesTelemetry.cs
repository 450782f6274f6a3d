using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluxCaption.Core.Libraries;

/// <summary>The "FluxCaption.Libraries" activity source and meter: library syncs, by source (jellyfin, local) and kind (full, incremental).</summary>
public sealed class LibrariesTelemetry
{
    public const string Name = "FluxCaption.Libraries";

    public static readonly ActivitySource ActivitySource = new(Name);

    public LibrariesTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        SyncDuration = meter.CreateHistogram<double>("fluxcaption.library.sync.duration", "s",
            "Library sync duration by source, kind and outcome");
        SyncItems = meter.CreateHistogram<long>("fluxcaption.library.sync.items", "{item}",
            "Items a library sync read from its source, by source and kind");
    }

    public Histogram<double> SyncDuration { get; }

    public Histogram<long> SyncItems { get; }

    public static TagList Tags(MediaSourceKind source, bool full) => new()
    {
        { "source", source.ToString().ToLowerInvariant() },
        { "kind", full ? "full" : "incremental" },
    };
}

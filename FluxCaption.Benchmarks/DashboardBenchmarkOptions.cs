using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Benchmarks;

/// <summary>Settings of the dashboard benchmark, from the command line (--Items 10000 --Jobs 20000 ...).</summary>
public sealed class DashboardBenchmarkOptions
{
    [Range(1, 1_000_000)]
    public int Items { get; set; } = 10_000;

    [Range(1, 100)]
    public int Libraries { get; set; } = 4;

    [Range(0, 2_000_000)]
    public int Jobs { get; set; } = 20_000;

    /// <summary>The job history spreads over this many days before now.</summary>
    [Range(1, 365)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>The dashboard's window (its days parameter).</summary>
    [Range(1, 90)]
    public int Window { get; set; } = 14;

    /// <summary>Timed requests after one warm-up.</summary>
    [Range(1, 1000)]
    public int Runs { get; set; } = 20;

    /// <summary>An admin connection string of a PostgreSQL server to create the benchmark database in; empty starts a private server from the machine's binaries.</summary>
    public string? Postgres { get; set; }
}

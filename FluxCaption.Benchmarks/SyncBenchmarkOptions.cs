using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Benchmarks;

/// <summary>Settings of the sync benchmark, from the command line (--Items 10000 --PageSize 500 ...).</summary>
public sealed class SyncBenchmarkOptions
{
    [Range(1, 1_000_000)]
    public int Items { get; set; } = 10_000;

    /// <summary>Items per page, as a Jellyfin listing would return them.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Where the items come from: <c>jellyfin</c> (default) serves them over HTTP from a Jellyfin-protocol server
    /// in this process and syncs through FluxCaption's Jellyfin client; <c>memory</c> hands them over in-process.
    /// </summary>
    public SyncBenchmarkSource Source { get; set; } = SyncBenchmarkSource.Jellyfin;

    /// <summary>Share of items changed before the incremental sync.</summary>
    [Range(0.0, 100.0)]
    public double ChangedPercent { get; set; } = 1.0;

    /// <summary>An admin connection string of a PostgreSQL server to create the benchmark database in; empty starts a private server from the machine's binaries.</summary>
    public string? Postgres { get; set; }
}

public enum SyncBenchmarkSource
{
    Jellyfin,
    Memory,
}

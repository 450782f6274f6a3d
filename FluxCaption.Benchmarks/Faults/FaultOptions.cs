using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>Command-line options of the `faults` command.</summary>
public sealed class FaultOptions
{
    /// <summary>Translation jobs uploaded per fault row.</summary>
    [Range(2, 1000)]
    public int Jobs { get; set; } = 16;

    /// <summary>Cues in each uploaded file.</summary>
    [Range(1, 5000)]
    public int Cues { get; set; } = 60;

    /// <summary>Pause between two uploads, so the fault lands while the batch is still coming in.</summary>
    [Range(0, 60_000)]
    public int SubmitIntervalMs { get; set; } = 250;

    /// <summary>A job not terminal this long after its fault's end counts as stuck.</summary>
    [Range(10, 3600)]
    public int DeadlineSeconds { get; set; } = 300;

    /// <summary>Runs only the rows whose name contains this text (case-insensitive); all rows when empty.</summary>
    public string? Only { get; set; }
}

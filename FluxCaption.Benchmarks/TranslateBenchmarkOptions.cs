using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Benchmarks;

/// <summary>
/// Settings of the translate benchmark, from the command line (--Slots 4,1 --TimeScale 0.01 ...).
/// Latency figures are model time; the server waits them multiplied by <see cref="TimeScale"/>.
/// </summary>
public sealed class TranslateBenchmarkOptions
{
    [Range(1, 100_000)]
    public int Cues { get; set; } = 1500;

    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 2026;

    /// <summary>
    /// The generated file: "film" (<see cref="FilmSubtitleGenerator"/>, varied lines, short scenes) or
    /// "dense" (<see cref="DenseDialogueGenerator"/>, short hard lines, long scenes, some the model
    /// returns unchanged or leaves out).
    /// </summary>
    [Required]
    [RegularExpression("film|dense", ErrorMessage = "Shape: 'film' or 'dense'.")]
    public string Shape { get; set; } = "film";

    /// <summary>Slot counts to measure, each with FluxCaption's MaxParallelBatches and the baseline's parallelism set to it.</summary>
    [Required]
    public string Slots { get; set; } = "4";

    /// <summary>
    /// Wall seconds per model second. Smaller runs faster but lets the host's own per-request cost
    /// (HTTP, scheduling, a busy CPU) weigh more against the modelled latency; see the replayed columns.
    /// </summary>
    [Range(1e-4, 1.0)]
    public double TimeScale { get; set; } = 0.03;

    [Range(0, 60_000)]
    public double FixedCostMs { get; set; } = 400;

    [Range(0, 10_000)]
    public double CompletionTokenMs { get; set; } = 20;

    /// <summary>Prompt processing per token; 0 by default, as the model in the issue charges only generation.</summary>
    [Range(0, 10_000)]
    public double PromptTokenMs { get; set; }

    /// <summary>Overrides of FluxCaption's batching, e.g. to try a different MaxCuesPerBatch; 0 keeps the default.</summary>
    [Range(0, 500)]
    public int MaxCuesPerBatch { get; set; }

    [Range(0, 1_000_000)]
    public int MaxTokensPerBatch { get; set; }

    /// <summary>Translation:BudgetCeilingFactor for the runs; negative leaves the default (2). 0 measures recovery without a ceiling.</summary>
    public double BudgetCeilingFactor { get; set; } = -1;

    public string SourceLanguage { get; set; } = "en";

    public string TargetLanguage { get; set; } = "es";

    public LatencyModel Latency => new(
        TimeSpan.FromMilliseconds(FixedCostMs),
        TimeSpan.FromMilliseconds(CompletionTokenMs),
        TimeSpan.FromMilliseconds(PromptTokenMs));

    public Core.Subtitles.SubtitleDocument Document() => Shape == "dense"
        ? DenseDialogueGenerator.Generate(Cues, Seed)
        : FilmSubtitleGenerator.Generate(Cues, Seed);

    public IReadOnlyList<int> SlotCounts() =>
        [.. Slots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var n) && n is >= 1 and <= 64
                ? n
                : throw new ValidationException($"Slots: '{s}' is not a slot count between 1 and 64."))];
}

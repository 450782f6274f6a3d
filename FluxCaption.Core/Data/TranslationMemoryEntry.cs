namespace FluxCaption.Core.Data;

/// <summary>A remembered translation of one normalised source line, consulted before any engine call.</summary>
public sealed class TranslationMemoryEntry
{
    public long Id { get; set; }

    public string SourceLang { get; set; } = "";

    public string TargetLang { get; set; } = "";

    /// <summary>Hash of the normalised source text (hex).</summary>
    public string SourceHash { get; set; } = "";

    public string Engine { get; set; } = "";

    /// <summary>Empty string for the engine's default model, so the unique key has no nulls.</summary>
    public string Model { get; set; } = "";

    public string SourceText { get; set; } = "";

    public string TargetText { get; set; } = "";

    /// <summary>
    /// Set when the line was kept in its source language because no engine could translate it: the
    /// reason, and <see cref="TargetText"/> is the source. A later job of the same scope keeps it too,
    /// without asking, unless it is retried with retranslateKept. Null for a translation.
    /// </summary>
    public string? KeptReason { get; set; }

    /// <summary>
    /// When a person last changed <see cref="TargetText"/> through the Api. The entry keeps its engine and
    /// model so later jobs of that scope still find the corrected line; this marks it as a person's.
    /// Null for an entry as the engine made it (or as a TMX import brought it).
    /// </summary>
    public DateTimeOffset? EditedAt { get; set; }

    public long HitCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}

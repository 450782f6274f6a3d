namespace FluxCaption.Core.Libraries;

/// <summary>What to translate automatically, where, and when (table <c>auto_translation_rules</c>).</summary>
public sealed class AutoTranslationRule
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Libraries the rule covers; empty means every library.</summary>
    public List<Guid> LibraryIds { get; set; } = [];

    /// <summary>Canonical BCP-47 tags the rule wants every item to have.</summary>
    public List<string> TargetLanguages { get; set; } = [];

    /// <summary>Preferred source languages, best first; empty means any.</summary>
    public List<string> SourceLanguages { get; set; } = [];

    public string? Engine { get; set; }

    public string? Model { get; set; }

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 0 3 * * ?</c>.</summary>
    public string Cron { get; set; } = "0 0 3 * * ?";

    public int Priority { get; set; }

    /// <summary>Items younger than this are left alone, so human subtitles have time to arrive.</summary>
    public TimeSpan MinimumItemAge { get; set; }

    /// <summary>When the last run began; with <see cref="LastRunAt"/> (its end) it brackets the jobs that run created.</summary>
    public DateTimeOffset? LastRunStartedAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>
    /// How the run itself went (sync and planning): succeeded or failed; null before the first. What the
    /// user sees also weighs the jobs the run created (<see cref="Rules.RuleRunVerdict"/>).
    /// </summary>
    public string? LastRunStatus { get; set; }

    /// <summary>What went wrong in the last run (one line per failed library); null when it succeeded.</summary>
    public string? LastRunError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

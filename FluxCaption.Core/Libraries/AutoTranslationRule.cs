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

    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>succeeded or failed after the last run; null before the first.</summary>
    public string? LastRunStatus { get; set; }

    /// <summary>What went wrong in the last run (one line per failed library); null when it succeeded.</summary>
    public string? LastRunError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

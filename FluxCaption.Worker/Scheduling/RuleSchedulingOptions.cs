using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Worker.Scheduling;

/// <summary>How the scheduler follows the rules table (section "Rules").</summary>
public sealed class RuleSchedulingOptions
{
    public const string SectionName = "Rules";

    /// <summary>How often cron triggers are brought in line with the rules table: the longest a rule change waits.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time zone of the rules' cron expressions (IANA id); empty means the server's local zone.</summary>
    public string? TimeZone { get; set; }

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone.Trim());
}

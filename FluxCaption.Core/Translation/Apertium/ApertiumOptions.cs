using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>Where the apertium command lives and how long one batch may take ("Engines:Apertium").</summary>
public sealed class ApertiumOptions
{
    public const string SectionName = "Engines:Apertium";

    /// <summary>The apertium launcher: a name looked up on PATH or a full path.</summary>
    [Required]
    public string ExecutablePath { get; set; } = "apertium";

    /// <summary>Optional folder of language data (apertium -d), for pairs built outside the system folders.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long one batch (one apertium process) may run before it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Media;

/// <summary>Where ffmpeg and ffprobe live and where extracted tracks go, bound from the "Media" section.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Folder holding the ffmpeg and ffprobe binaries; empty means they are found on PATH.</summary>
    public string BinaryFolder { get; set; } = "";

    /// <summary>
    /// FluxCaption's temp folder (the Worker's Worker:TempDirectory default, which its cleanup job sweeps);
    /// extracted tracks go to its "extract" subfolder and are deleted as soon as they are read.
    /// </summary>
    [Required]
    public string TempDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "fluxcaption");

    /// <summary>Longest an ffprobe run may take: a file on a stalled network share must not hang a sync.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest an ffmpeg extraction may take (the whole container is read to reach the track's packets).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan ExtractTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

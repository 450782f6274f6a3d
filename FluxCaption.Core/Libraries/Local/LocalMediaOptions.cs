using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>How local roots are read, bound from the "LocalMedia" section.</summary>
public sealed class LocalMediaOptions
{
    public const string SectionName = "LocalMedia";

    /// <summary>Videos per page handed to the sync: bounds memory and the size of each batched upsert.</summary>
    [Range(1, 5000)]
    public int PageSize { get; set; } = 200;

    /// <summary>ffprobe runs at once during a sync; each is one process reading one file.</summary>
    [Range(1, 32)]
    public int ProbeConcurrency { get; set; } = 2;
}

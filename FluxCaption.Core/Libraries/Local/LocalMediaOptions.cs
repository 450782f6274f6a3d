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

    /// <summary>
    /// Folders a local library may live in (the library itself or any folder under one of them), each
    /// resolved through its links. Empty accepts any folder that is not refused (system folders and
    /// FluxCaption's own state); the Api says so in its log at startup.
    /// </summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>
    /// FluxCaption's state folder (API key, generated secrets, the local database's files), which the
    /// AppHost passes; never accepted as a library, nor any folder inside it or holding it. Empty when unknown.
    /// </summary>
    public string StateDirectory { get; set; } = "";
}

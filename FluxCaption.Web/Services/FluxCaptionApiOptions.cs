using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Web.Services;

/// <summary>How the Web app reaches the Api (section "FluxCaptionApi").</summary>
public sealed class FluxCaptionApiOptions
{
    public const string SectionName = "FluxCaptionApi";

    /// <summary>Resolved by service discovery from `services__api__http__0` (Aspire and the launcher set it).</summary>
    [Required]
    public string BaseAddress { get; set; } = "https+http://api";

    /// <summary>The Api's key; the Web app calls the Api on the user's behalf, the browser never sees it.</summary>
    public string? ApiKey { get; set; }

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

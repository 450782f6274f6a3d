using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Web.Accounts;

/// <summary>The sign-in cookie of the Web app (section "Auth" of the Web app).</summary>
public sealed class WebAuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>How long a sign-in lasts without a visit; each visit extends it (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often a session asks the Api whether its account still has the same security stamp (a new
    /// password changes it and so ends every other session). Zero checks on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

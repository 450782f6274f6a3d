using Microsoft.AspNetCore.Identity;

namespace FluxCaption.Core.Accounts;

/// <summary>
/// A person who signs in to the Web app. ASP.NET Core Identity keeps the password hash, the security
/// stamp (changed with the password, which ends every other session) and the lockout counters.
/// </summary>
public sealed class WebAccount : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
}

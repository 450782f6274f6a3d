using System.Security.Claims;
using FluxCaption.Contracts.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FluxCaption.Web.Accounts;

/// <summary>
/// What the sign-in cookie holds: the account's id and name and the security stamp it was signed in
/// with. The cookie is encrypted with Data Protection, so none of it is readable in the browser.
/// </summary>
public static class SessionClaims
{
    public const string StampClaim = "fluxcaption:security_stamp";

    public static async Task SignInAsync(HttpContext context, AccountResponse account)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(StampClaim, account.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
    }

    public static Task SignOutAsync(HttpContext context) =>
        context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>The account id and stamp of a signed-in user, or null for anyone else.</summary>
    public static (Guid Id, string Stamp)? Read(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && user.FindFirstValue(StampClaim) is { } stamp
            ? (id, stamp)
            : null;
}

using System.Globalization;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace FluxCaption.Web.Accounts;

/// <summary>
/// Ends a cookie session whose account is gone or whose password changed since it signed in (the
/// Api's security stamp differs). Asked at most once per Auth:SessionCheckInterval per cookie.
/// </summary>
public static partial class SessionValidator
{
    private const string CheckedAtKey = "fluxcaption.checked_at";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var interval = services.GetRequiredService<IOptions<WebAuthOptions>>().Value.SessionCheckInterval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var checkedAt = context.Properties.Items.TryGetValue(CheckedAtKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : context.Properties.IssuedUtc;
        if (interval > TimeSpan.Zero && checkedAt is { } last && now - last < interval)
        {
            return;
        }

        var verdict = await CheckAsync(services.GetRequiredService<FluxCaptionApiClient>(), context.Principal, services, context.HttpContext.RequestAborted);
        if (verdict == false)
        {
            context.RejectPrincipal();
            await SessionClaims.SignOutAsync(context.HttpContext);
            return;
        }

        if (verdict == true)
        {
            context.Properties.Items[CheckedAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }
    }

    /// <summary>
    /// True when the account still has the stamp the session holds, false when it does not (or the
    /// account is gone), null when the Api could not be asked: everything the Web app shows comes from
    /// the Api, so a session kept while the Api is down can do nothing, and it is checked again next time.
    /// </summary>
    public static async Task<bool?> CheckAsync(
        FluxCaptionApiClient api, System.Security.Claims.ClaimsPrincipal? user, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (SessionClaims.Read(user) is not { } session)
        {
            return false;
        }

        try
        {
            var account = await api.FindAccountAsync(session.Id, cancellationToken);
            return account is not null && string.Equals(account.SecurityStamp, session.Stamp, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiProblemException or TaskCanceledException)
        {
            LogUnchecked(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidator)), ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in session could not be checked with the Api and is kept until the next check: {Reason}")]
    private static partial void LogUnchecked(ILogger logger, string reason);
}

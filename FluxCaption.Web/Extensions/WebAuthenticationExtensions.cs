using FluxCaption.Web.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Web.Extensions;

/// <summary>
/// Sign-in for the Web app: a cookie issued by the sign-in pages after the Api has checked the
/// password; every page, the interactive circuit and the downloads need it. Accounts live in the Api.
/// </summary>
public static class WebAuthenticationExtensions
{
    public const string CookieName = "FluxCaption.SignIn";

    public static IServiceCollection AddWebAuthentication(this IServiceCollection services)
    {
        services.AddOptions<WebAuthOptions>()
            .BindConfiguration(WebAuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = AccountPaths.SignIn;
                cookie.LogoutPath = AccountPaths.SignOut;
                cookie.AccessDeniedPath = AccountPaths.SignIn;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = SessionValidator.ValidatePrincipalAsync;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebAuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.SessionLifetime);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitSessionRevalidator>();
        return services;
    }

    /// <summary>
    /// Every page and the interactive circuit (`/_blazor`) need a signed-in user; the pages
    /// <see cref="OpenPages"/> names stay open. Anonymous readers are sent to the sign-in page with
    /// their address as ReturnUrl.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireSignIn(this RazorComponentsEndpointConventionBuilder components)
    {
        components.RequireAuthorization();
        components.Add(endpoint =>
        {
            var page = endpoint.Metadata.OfType<ComponentTypeMetadata>().LastOrDefault()?.Type;
            if (OpenPages.Allows(page))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return components;
    }
}

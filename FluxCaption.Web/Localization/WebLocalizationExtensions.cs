using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Localization;

namespace FluxCaption.Web.Localization;

/// <summary>
/// English and Simplified Chinese for the Web app. Texts come from per-component resources:
/// `IStringLocalizer&lt;T&gt;` for a component or class `FluxCaption.Web.X.Y` reads
/// `Resources/X/Y.zh-CN.resx`, keyed by the English text. The reader's choice is a cookie set by
/// `/culture`; without it, Accept-Language decides. An interactive circuit keeps the culture of the
/// request that opened it, so switching reloads the page.
/// </summary>
public static class WebLocalizationExtensions
{
    public const string ResourcesPath = "Resources";

    public static IServiceCollection AddWebLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = ResourcesPath);
        services.AddTransient<ApiFieldErrors>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = WebCultures.Supported.Select(WebCultures.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(WebCultures.English);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// `GET /culture?name=zh-CN&amp;returnUrl=/jobs` remembers the choice for this browser for a year and
    /// goes back to the page (local addresses only, so the link cannot send anyone elsewhere).
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string? name, string? returnUrl, HttpContext context) =>
        {
            var culture = WebCultures.Supported.FirstOrDefault(supported => string.Equals(supported, name, StringComparison.OrdinalIgnoreCase));
            if (culture is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown language",
                    detail: $"'{name}' is not a language of the Web app; use one of {string.Join(", ", WebCultures.Supported)}.");
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        });
        return app;
    }
}

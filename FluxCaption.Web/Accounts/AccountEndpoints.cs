using Microsoft.AspNetCore.Mvc;

namespace FluxCaption.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// POST /account/sign-out: a form post with the antiforgery token (binding [FromForm] makes the
    /// framework check it), so another site cannot sign a reader out.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.SignOut, async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await SessionClaims.SignOutAsync(context);
            return Results.LocalRedirect(AccountPaths.WithReturnUrl(AccountPaths.SignIn, returnUrl));
        });
        return app;
    }
}

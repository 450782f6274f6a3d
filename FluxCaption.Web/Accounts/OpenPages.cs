using System.Reflection;
using FluxCaption.Web.Components.Pages;
using Microsoft.AspNetCore.Authorization;

namespace FluxCaption.Web.Accounts;

/// <summary>
/// Pages anyone may see: those marked [AllowAnonymous] (sign-in, first run) and the error and
/// not-found pages, which must answer a reader who is not signed in without sending them in circles.
/// Every other page needs a signed-in user, without an attribute of its own.
/// </summary>
public static class OpenPages
{
    public static bool Allows(Type? page) =>
        page is not null
        && (page == typeof(Error) || page == typeof(NotFound) || page.GetCustomAttribute<AllowAnonymousAttribute>() is not null);
}

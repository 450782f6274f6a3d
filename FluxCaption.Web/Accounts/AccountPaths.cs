namespace FluxCaption.Web.Accounts;

/// <summary>Addresses of the sign-in pages, and the one rule for where they may send the reader afterwards.</summary>
public static class AccountPaths
{
    public const string SignIn = "/account/sign-in";

    public const string Setup = "/account/setup";

    public const string ChangePassword = "/account/password";

    public const string SignOut = "/account/sign-out";

    /// <summary>
    /// The return address when it is a path on this site, else "/": a crafted link must not turn the
    /// sign-in page into a redirect to somewhere else.
    /// </summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith(SignOut, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";

    public static string WithReturnUrl(string page, string? returnUrl) =>
        LocalOrHome(returnUrl) is var local && local == "/" ? page : $"{page}?ReturnUrl={Uri.EscapeDataString(local)}";
}

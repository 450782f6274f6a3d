namespace FluxCaption.Tests.Web;

/// <summary>How a <see cref="BrowserSystem"/> begins.</summary>
public enum BrowserStart
{
    /// <summary>An administrator is configured and the browser is signed in with it.</summary>
    SignedIn,

    /// <summary>An administrator is configured; the browser has not signed in.</summary>
    SignedOut,

    /// <summary>No account exists: the first visit creates the administrator.</summary>
    NoAccount,
}

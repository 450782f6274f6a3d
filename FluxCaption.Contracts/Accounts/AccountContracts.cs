namespace FluxCaption.Contracts.Accounts;

/// <summary>
/// What the sign-in pages need before anyone signs in: whether the first administrator still has to be
/// created, and the password rule to show beside the password field.
/// </summary>
public sealed record AccountStatusResponse(bool AdministratorExists, int PasswordMinimumLength);

/// <summary>An account as the Web app sees it. The security stamp changes with the password, which ends older sessions.</summary>
public sealed record AccountResponse(Guid Id, string UserName, string SecurityStamp);

/// <summary>POST /api/accounts/administrator: the first account; refused with 409 once any account exists.</summary>
public sealed record CreateAdministratorRequest(string? UserName, string? Password);

/// <summary>POST /api/accounts/password-check: a user name and password typed on the sign-in page.</summary>
public sealed record PasswordCheckRequest(string? UserName, string? Password);

/// <summary>
/// The verdict on a password check (<see cref="PasswordCheckOutcomes"/>): the account when it succeeded,
/// the end of the lockout when the account is locked.
/// </summary>
public sealed record PasswordCheckResponse(string Outcome, AccountResponse? Account, DateTimeOffset? LockedOutUntil);

/// <summary>PUT /api/accounts/{id}/password.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public static class PasswordCheckOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>Unknown user name or wrong password: the two are never told apart.</summary>
    public const string Rejected = "rejected";

    public const string LockedOut = "lockedOut";
}

/// <summary>
/// Codes the account endpoints put beside their field errors (extension "codes", keyed like "errors"),
/// so the Web app can say the same thing in the reader's language. Identity's own codes
/// (PasswordTooShort, DuplicateUserName...) pass through unchanged.
/// </summary>
public static class AccountErrorCodes
{
    public const string ExtensionName = "codes";

    public const string Required = "Required";

    public const string PasswordTooShort = "PasswordTooShort";

    /// <summary>The current password given to a change of password is wrong (Identity's code for it).</summary>
    public const string PasswordMismatch = "PasswordMismatch";

    public const string InvalidUserName = "InvalidUserName";
}

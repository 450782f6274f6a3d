using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Api.Apis.Accounts;

/// <summary>Accounts of the Web app (section "Auth" of the Api).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Auth";

    /// <summary>The administrator created at start when no account exists yet (both parts or neither).</summary>
    public AdministratorSeed Administrator { get; set; } = new();

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Length is the one password rule: a long passphrase beats a short one with a digit and a symbol.</summary>
    [Range(6, 128)]
    public int PasswordMinimumLength { get; set; } = 8;

    public sealed class AdministratorSeed
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}

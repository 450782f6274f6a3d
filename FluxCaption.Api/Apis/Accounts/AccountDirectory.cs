using FluxCaption.Contracts.Accounts;
using FluxCaption.Core.Accounts;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Accounts;

/// <summary>
/// The Web app's accounts over Identity's <see cref="UserManager{TUser}"/>: password hashing, lockout
/// counting and the security stamp are Identity's; the first-administrator rule is ours.
/// </summary>
public sealed class AccountDirectory(FluxCaptionDbContext db, UserManager<WebAccount> users, TimeProvider time)
{
    // Serialises "create the first administrator" across requests and Api replicas: without it two
    // people opening a fresh install together could both become administrator.
    private const long FirstAdministratorLockKey = 0x4643_4144_4D49_4E31;

    // A hash checked when the user name is unknown, so a wrong name costs as long as a wrong password
    // and the answer time does not tell which names exist.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<WebAccount>().HashPassword(new WebAccount(), Guid.NewGuid().ToString()));

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<FirstAdministratorResult> CreateFirstAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FirstAdministratorLockKey})", cancellationToken);
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return new FirstAdministratorResult(null, AlreadyExists: true, []);
            }

            var account = new WebAccount { UserName = userName, CreatedAt = time.GetUtcNow() };
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded)
            {
                return new FirstAdministratorResult(null, AlreadyExists: false, [.. created.Errors]);
            }

            await transaction.CommitAsync(cancellationToken);
            return new FirstAdministratorResult(account, AlreadyExists: false, []);
        });
    }

    /// <summary>Identity's sign-in check without a cookie: lockout first, then the password, counting failures.</summary>
    public async Task<PasswordCheckResponse> CheckPasswordAsync(string userName, string password)
    {
        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new WebAccount(), DecoyHash.Value, password);
            return new PasswordCheckResponse(PasswordCheckOutcomes.Rejected, null, null);
        }

        if (await users.IsLockedOutAsync(account))
        {
            return new PasswordCheckResponse(PasswordCheckOutcomes.LockedOut, null, account.LockoutEnd);
        }

        if (await users.CheckPasswordAsync(account, password))
        {
            if (account.AccessFailedCount > 0)
            {
                await users.ResetAccessFailedCountAsync(account);
            }

            return new PasswordCheckResponse(PasswordCheckOutcomes.Succeeded, account.ToResponse(), null);
        }

        await users.AccessFailedAsync(account);
        return await users.IsLockedOutAsync(account)
            ? new PasswordCheckResponse(PasswordCheckOutcomes.LockedOut, null, account.LockoutEnd)
            : new PasswordCheckResponse(PasswordCheckOutcomes.Rejected, null, null);
    }

    public Task<WebAccount?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(account => account.Id == id, cancellationToken);

    /// <summary>A new password and, with it, a new security stamp (Identity changes both together).</summary>
    public async Task<(WebAccount? Account, IReadOnlyList<IdentityError> Errors)> ChangePasswordAsync(
        Guid id, string currentPassword, string newPassword)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null)
        {
            return (null, []);
        }

        var changed = await users.ChangePasswordAsync(account, currentPassword, newPassword);
        return changed.Succeeded ? (account, []) : (account, [.. changed.Errors]);
    }
}

public sealed record FirstAdministratorResult(WebAccount? Account, bool AlreadyExists, IReadOnlyList<IdentityError> Errors);

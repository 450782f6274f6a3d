using System.Security.Cryptography;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Settings;

/// <summary>
/// Reads and writes rows of the <c>settings</c> table. Secret values are protected with Data
/// Protection (key ring in the database) under a purpose that includes the setting's key, so a
/// ciphertext copied to another row does not decrypt. Plain values are never logged here either.
/// </summary>
public sealed class SettingsStore(FluxCaptionDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "FluxCaption.Settings.v1";

    /// <summary>The value (decrypted when secret); null when the row does not exist.</summary>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(setting => setting.Key == key, cancellationToken);
        return row is null ? null : Reveal(row);
    }

    /// <summary>Values of several keys at once (decrypted when secret); missing keys are absent from the result.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var rows = await db.Settings.AsNoTracking().Where(setting => keys.Contains(setting.Key)).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Key, Reveal);
    }

    /// <summary>Whether the row exists with a non-empty value, without decrypting it.</summary>
    public Task<bool> IsSetAsync(string key, CancellationToken cancellationToken) =>
        db.Settings.AnyAsync(setting => setting.Key == key && setting.Value != null && setting.Value != "", cancellationToken);

    public async Task SetAsync(string key, string? value, bool secret, CancellationToken cancellationToken)
    {
        var stored = secret && value is not null ? Protector(key).Protect(value) : value;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO settings (key, value, is_secret, updated_at) VALUES ({key}, {stored}, {secret}, {now})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, is_secret = excluded.is_secret, updated_at = excluded.updated_at
            """,
            cancellationToken);
    }

    /// <summary>
    /// The stored value, or <paramref name="create"/>'s value stored first. Two processes asking at
    /// once agree: only one insert wins and both read the winner.
    /// </summary>
    public async Task<string> GetOrCreateAsync(string key, Func<string> create, bool secret, CancellationToken cancellationToken)
    {
        var candidate = create();
        var stored = secret ? Protector(key).Protect(candidate) : candidate;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO settings (key, value, is_secret, updated_at) VALUES ({key}, {stored}, {secret}, {now})
            ON CONFLICT (key) DO NOTHING
            """,
            cancellationToken);
        return await GetAsync(key, cancellationToken) ?? candidate;
    }

    private string? Reveal(Setting row)
    {
        if (!row.IsSecret || string.IsNullOrEmpty(row.Value))
        {
            return row.Value;
        }

        try
        {
            return Protector(row.Key).Unprotect(row.Value);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"The stored secret '{row.Key}' cannot be decrypted: the Data Protection key ring in the database no longer holds its key. Enter it again in the settings.",
                exception);
        }
    }

    private IDataProtector Protector(string key) => protection.CreateProtector(Purpose, key);
}

using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Libraries.Sync;

/// <summary>
/// A Postgres session advisory lock per library, so two syncs of one library (a rule and a button,
/// two Api replicas) never interleave their page writes and gone-marking. It lives on the context's
/// connection, which stays open while the lock is held.
/// </summary>
internal sealed class LibrarySyncLock(FluxCaptionDbContext db)
{
    public async Task<bool> TryAcquireAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var key = Key(libraryId);
        var acquired = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!acquired)
        {
            await db.Database.CloseConnectionAsync();
        }

        return acquired;
    }

    public async Task ReleaseAsync(Guid libraryId)
    {
        try
        {
            var key = Key(libraryId);
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({key}) AS \"Value\"").SingleAsync(CancellationToken.None);
        }
        finally
        {
            // Should the unlock itself fail, the pool resets the connection (DISCARD ALL) before reuse, which drops the lock.
            await db.Database.CloseConnectionAsync();
        }
    }

    // The library id folded into the one bigint key space advisory locks use; a collision with
    // another library only makes one sync wait for the other's turn, never corrupts anything.
    private static long Key(Guid libraryId)
    {
        Span<byte> bytes = stackalloc byte[16];
        libraryId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}

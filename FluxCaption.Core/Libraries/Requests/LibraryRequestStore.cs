using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FluxCaption.Core.Libraries.Requests;

/// <summary>
/// The library_requests table used as a durable queue: requests are claimed with a lease like jobs,
/// so any Api process runs what any other accepted, and a dead process's request is claimed again
/// once its lease has expired. Every change after the claim is conditional on still owning the lease.
/// </summary>
public sealed class LibraryRequestStore(FluxCaptionDbContext db, TimeProvider clock, IOptions<LibraryRequestOptions> options)
{
    private LibraryRequestOptions Options => options.Value;

    /// <summary>Writes the request; false when the same request (kind and target) is already waiting.</summary>
    public async Task<bool> EnqueueAsync(LibraryRequestKind kind, string target, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var key = LibraryRequest.DedupeKeyFor(kind, target);
        var kindName = LibraryRequestEntityTypeConfiguration.KindName(kind);
        var now = clock.GetUtcNow();
        var rows = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO library_requests (id, kind, target, dedupe_key, requested_at, attempts)
            VALUES ({id}, {kindName}, {target}, {key}, {now}, 0)
            ON CONFLICT (dedupe_key) WHERE lease_owner IS NULL AND finished_at IS NULL DO NOTHING
            """,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Takes the oldest request that may run now (waiting past its backoff, or held under an expired
    /// lease) for <paramref name="owner"/>, counting the attempt; null when there is none. Two
    /// processes claiming at once never get the same row (<c>FOR UPDATE SKIP LOCKED</c>).
    /// </summary>
    public async Task<LibraryRequest?> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await FailAbandonedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expires = now + Options.LeaseTtl;
        var claimed = await db.LibraryRequests.FromSql(
            $"""
            UPDATE library_requests
            SET lease_owner = {owner}, lease_expires_at = {expires}, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM library_requests
                WHERE finished_at IS NULL
                  AND (not_before IS NULL OR not_before <= {now})
                  AND (lease_owner IS NULL OR lease_expires_at < {now})
                ORDER BY requested_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>Extends the lease; false when it is no longer ours (it expired and another process took it).</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + Options.LeaseTtl;
        return await Held(id, owner).ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>The request ran: its row goes. False when the lease had passed to another process.</summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken) =>
        await Held(id, owner).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>
    /// The attempt failed: back to waiting with a doubling backoff, or, after the last attempt, failed
    /// for good with <paramref name="error"/> kept for the listing.
    /// </summary>
    public async Task<LibraryRequestFailOutcome> FailAsync(Guid id, string owner, string error, CancellationToken cancellationToken)
    {
        var attempts = await Held(id, owner).Select(r => (int?)r.Attempts).SingleOrDefaultAsync(cancellationToken);
        if (attempts is null)
        {
            return LibraryRequestFailOutcome.LeaseLost;
        }

        var now = clock.GetUtcNow();
        if (attempts >= Options.MaxAttempts)
        {
            var rows = await Held(id, owner).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.LastError, error)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
            return rows == 1 ? LibraryRequestFailOutcome.Failed : LibraryRequestFailOutcome.LeaseLost;
        }

        var notBefore = now + Options.BackoffAfter(attempts.Value);
        var handedBack = await ReturnToWaitingAsync(id, owner, set => set
            .SetProperty(r => r.NotBefore, notBefore)
            .SetProperty(r => r.LastError, error), cancellationToken);
        return handedBack ? LibraryRequestFailOutcome.Retrying : LibraryRequestFailOutcome.LeaseLost;
    }

    /// <summary>Hands the request back at once (the process is stopping); the attempt does not count.</summary>
    public Task<bool> ReleaseAsync(Guid id, string owner, CancellationToken cancellationToken) =>
        ReturnToWaitingAsync(id, owner, set => set.SetProperty(r => r.Attempts, r => r.Attempts > 0 ? r.Attempts - 1 : 0), cancellationToken);

    /// <summary>Deletes failed requests older than the retention; returns how many went.</summary>
    public Task<int> PurgeFailedAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Options.FailedRetention;
        return db.LibraryRequests.Where(r => r.FinishedAt != null && r.FinishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<LibraryRequest> Held(Guid id, string owner) =>
        db.LibraryRequests.Where(r => r.Id == id && r.LeaseOwner == owner && r.FinishedAt == null);

    // A request whose process died on its last attempt is not run once more: it fails, so a request
    // that kills its process cannot do so forever.
    private Task<int> FailAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var maxAttempts = Options.MaxAttempts;
        return db.LibraryRequests
            .Where(r => r.FinishedAt == null && r.LeaseOwner != null && r.LeaseExpiresAt < now && r.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.LastError, "The process running its last attempt stopped without finishing it (its lease expired).")
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    // Clearing the lease puts the row back under the dedupe index. When the same request was asked
    // for again while this one ran, that waiting row already covers it, and this one goes instead.
    private async Task<bool> ReturnToWaitingAsync(
        Guid id, string owner, Action<UpdateSettersBuilder<LibraryRequest>> set, CancellationToken cancellationToken)
    {
        try
        {
            return await Held(id, owner).ExecuteUpdateAsync(setters =>
            {
                setters.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null);
                set(setters);
            }, cancellationToken) == 1;
        }
        catch (Exception exception) when (IsUniqueViolation(exception))
        {
            return await Held(id, owner).ExecuteDeleteAsync(cancellationToken) == 1;
        }
    }

    private static bool IsUniqueViolation(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.UniqueViolation;
}

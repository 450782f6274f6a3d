using System.Collections.Concurrent;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>
/// A library sync stand-in that records when each sync started and finished, can hold every sync
/// until <see cref="Hold"/> completes, and can fail as told.
/// </summary>
public sealed class ScriptedLibrarySyncService : ILibrarySyncService
{
    public ConcurrentQueue<(Guid LibraryId, bool Full, DateTimeOffset StartedAt)> Started { get; } = new();

    public ConcurrentQueue<(Guid LibraryId, bool Full)> Finished { get; } = new();

    /// <summary>Every sync waits for this task (or for its cancellation) before it does anything else.</summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    /// <summary>How long each sync takes once it is let through.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.Zero;

    /// <summary>The exception a sync of that library throws; null lets it succeed.</summary>
    public Func<Guid, Exception?> Failure { get; set; } = _ => null;

    public Task<IReadOnlyList<LibraryEntity>> RefreshLibrariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LibraryEntity>>([]);

    public async Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full, CancellationToken cancellationToken)
    {
        Started.Enqueue((libraryId, full, DateTimeOffset.UtcNow));
        await Hold.WaitAsync(cancellationToken);
        if (Duration > TimeSpan.Zero)
        {
            await Task.Delay(Duration, cancellationToken);
        }

        if (Failure(libraryId) is { } failure)
        {
            throw failure;
        }

        Finished.Enqueue((libraryId, full));
        return new LibrarySyncSummary(libraryId, full, 0, 0, 0, 0, 0, TimeSpan.Zero);
    }

    public Task<Guid?> SyncItemAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult<Guid?>(null);
}

using System.Collections.Concurrent;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>
/// A library sync stand-in that one or several Api hosts share: it counts the syncs running at once
/// per library, can hold every sync until <see cref="Hold"/> completes, and can fail as told.
/// </summary>
public sealed class ScriptedLibrarySyncService : ILibrarySyncService
{
    private readonly ConcurrentDictionary<Guid, int> _running = new();
    private int _mostAtOnce;

    public ConcurrentQueue<(Guid LibraryId, bool Full, DateTimeOffset StartedAt)> Started { get; } = new();

    public ConcurrentQueue<(Guid LibraryId, bool Full)> Finished { get; } = new();

    /// <summary>Every sync waits for this task (or for its cancellation) before it does anything else.</summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    /// <summary>How long each sync takes once it is let through.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.Zero;

    /// <summary>The exception a sync of that library throws; null lets it succeed.</summary>
    public Func<Guid, Exception?> Failure { get; set; } = _ => null;

    /// <summary>The most syncs of one library that ever ran at the same time.</summary>
    public int MostAtOnceForOneLibrary => Volatile.Read(ref _mostAtOnce);

    public Task<IReadOnlyList<LibraryEntity>> RefreshLibrariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LibraryEntity>>([]);

    public async Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full, CancellationToken cancellationToken)
    {
        Started.Enqueue((libraryId, full, DateTimeOffset.UtcNow));
        var atOnce = _running.AddOrUpdate(libraryId, 1, (_, count) => count + 1);
        InterlockedMax(atOnce);
        try
        {
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
        finally
        {
            _running.AddOrUpdate(libraryId, 0, (_, count) => count - 1);
        }
    }

    public Task<Guid?> SyncItemAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult<Guid?>(null);

    private void InterlockedMax(int value)
    {
        var seen = Volatile.Read(ref _mostAtOnce);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref _mostAtOnce, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

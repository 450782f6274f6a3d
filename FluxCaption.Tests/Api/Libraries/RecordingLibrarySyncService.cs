using System.Collections.Concurrent;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>Stands in for the library component's sync service: records every call, answers as told.</summary>
public sealed class RecordingLibrarySyncService : ILibrarySyncService
{
    public ConcurrentQueue<(Guid LibraryId, bool Full)> Syncs { get; } = new();

    public ConcurrentQueue<(MediaSourceKind Source, string ExternalId)> ItemSyncs { get; } = new();

    public int Refreshes;

    /// <summary>What SyncItemAsync answers per external id; unknown ids answer null.</summary>
    public ConcurrentDictionary<string, Guid> KnownItems { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<LibraryEntity>> RefreshLibrariesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Refreshes);
        return Task.FromResult<IReadOnlyList<LibraryEntity>>([]);
    }

    public Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full, CancellationToken cancellationToken)
    {
        Syncs.Enqueue((libraryId, full));
        return Task.FromResult(new LibrarySyncSummary(libraryId, full, 0, 0, 0, 0, 0, TimeSpan.Zero));
    }

    public Task<Guid?> SyncItemAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken)
    {
        ItemSyncs.Enqueue((source, externalId));
        return Task.FromResult(KnownItems.TryGetValue(externalId, out var id) ? id : (Guid?)null);
    }
}

using System.Collections.Concurrent;

namespace FluxCaption.Core.Translation.Memory;

/// <summary>
/// A process-local memory with the same semantics as the database one (lookups count hits, stores
/// replace). Used where there is no database: unit tests and tools such as the benchmark.
/// </summary>
public sealed class InMemoryTranslationMemory : ITranslationMemory
{
    private readonly ConcurrentDictionary<(TranslationMemoryScope Scope, string Hash), Entry> _entries = new();

    public int Count => _entries.Count;

    public long HitCount(TranslationMemoryScope scope, string sourceHash) =>
        _entries.TryGetValue((scope, sourceHash), out var entry) ? Interlocked.Read(ref entry.Hits) : 0;

    public Task<IReadOnlyDictionary<string, RememberedLine>> LookupAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<string> sourceHashes,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, RememberedLine>(StringComparer.Ordinal);
        foreach (var hash in sourceHashes.Distinct(StringComparer.Ordinal))
        {
            if (_entries.TryGetValue((scope, hash), out var entry))
            {
                Interlocked.Increment(ref entry.Hits);
                found[hash] = entry.Line;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, RememberedLine>>(found);
    }

    public Task StoreAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<TranslationMemoryItem> items,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var item in items)
        {
            _entries.AddOrUpdate(
                (scope, item.SourceHash),
                _ => new Entry(new RememberedLine(item.TargetText, item.KeptReason)),
                (_, existing) => new Entry(new RememberedLine(item.TargetText, item.KeptReason)) { Hits = Interlocked.Read(ref existing.Hits) });
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(RememberedLine line)
    {
        public long Hits;

        public RememberedLine Line { get; } = line;
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;

namespace FluxCaption.Api.Apis.Background;

/// <summary>
/// Library work the Api accepted with a 202 (sync now, run a rule now, a webhook's item) and runs
/// after the response, one item at a time, each in its own DI scope. It is fire and forget by
/// design: work still queued when the Api stops is lost, and the next rule run or a second press
/// catches up (docs/libraries-api.md). Work with the same key waiting in the queue is not queued twice.
/// </summary>
public sealed class LibraryWorkQueue
{
    private readonly Channel<LibraryWorkItem> _channel = Channel.CreateBounded<LibraryWorkItem>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    /// <summary>False when work with the same key is already waiting (or the queue is full).</summary>
    public bool TryEnqueue(string key, string description, Func<IServiceProvider, CancellationToken, Task> work)
    {
        if (!_pending.TryAdd(key, 0))
        {
            return false;
        }

        if (_channel.Writer.TryWrite(new LibraryWorkItem(key, description, work)))
        {
            return true;
        }

        _pending.TryRemove(key, out _);
        return false;
    }

    internal IAsyncEnumerable<LibraryWorkItem> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    // Called as the item starts: from then on a new request for the same key queues a fresh run.
    internal void MarkStarted(LibraryWorkItem item) => _pending.TryRemove(item.Key, out _);
}

internal sealed record LibraryWorkItem(string Key, string Description, Func<IServiceProvider, CancellationToken, Task> Work);

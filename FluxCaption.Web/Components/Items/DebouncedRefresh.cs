namespace FluxCaption.Web.Components.Items;

/// <summary>
/// Gathers refresh requests that arrive close together (a job's last progress, its success, the
/// next job's start) into one refresh of everything asked for, once things have been quiet for a
/// moment; a page then reads each stale row once, not once per event.
/// </summary>
public sealed class DebouncedRefresh<TKey>(Func<IReadOnlyCollection<TKey>, Task> refresh, TimeSpan quiet) : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private HashSet<TKey> _pending = [];
    private Timer? _timer;
    private bool _disposed;

    public void Request(TKey key)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending.Add(key);
            _timer ??= new Timer(_ => _ = FlushAsync());
            _timer.Change(quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync()
    {
        HashSet<TKey> keys;
        lock (_gate)
        {
            if (_disposed || _pending.Count == 0)
            {
                return;
            }

            keys = _pending;
            _pending = [];
        }

        await refresh(keys);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}

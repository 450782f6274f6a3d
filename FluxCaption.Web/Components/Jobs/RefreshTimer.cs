namespace FluxCaption.Web.Components.Jobs;

/// <summary>
/// Calls a page's refresh every few seconds while something it shows is still moving; the page
/// decides after each refresh whether to keep going. Ticks never overlap.
/// </summary>
public sealed class RefreshTimer(Func<Task> refresh, TimeSpan interval) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Timer? _timer;
    private bool _disposed;

    public bool Running => _timer is not null;

    /// <summary>Starts ticking when <paramref name="wanted"/>, stops otherwise.</summary>
    public void Keep(bool wanted)
    {
        if (_disposed)
        {
            return;
        }

        if (wanted && _timer is null)
        {
            _timer = new Timer(_ => _ = TickAsync(), null, interval, interval);
        }
        else if (!wanted && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }
    }

    private async Task TickAsync()
    {
        if (!await _gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            if (!_disposed)
            {
                await refresh();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
        _timer = null;
    }
}

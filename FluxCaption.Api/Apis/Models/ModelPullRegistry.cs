using System.Collections.Concurrent;

namespace FluxCaption.Api.Apis.Models;

/// <summary>
/// The pulls this Api is relaying, one per model: a second pull of the same model while the first runs
/// would only download the same layers twice. Each holds a token that the cancel endpoint trips.
/// </summary>
public sealed class ModelPullRegistry
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Running => [.. _running.Keys];

    /// <summary>Registers a pull of <paramref name="model"/>; null when one is already running.</summary>
    public CancellationTokenSource? TryStart(string model)
    {
        var cancellation = new CancellationTokenSource();
        if (_running.TryAdd(model, cancellation))
        {
            return cancellation;
        }

        cancellation.Dispose();
        return null;
    }

    /// <summary>Stops a running pull; false when none of that model runs.</summary>
    public bool Cancel(string model)
    {
        if (!_running.TryGetValue(model, out var cancellation))
        {
            return false;
        }

        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished while we looked: nothing left to stop.
        }

        return true;
    }

    public void Finish(string model, CancellationTokenSource cancellation)
    {
        _running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(model, cancellation));
        cancellation.Dispose();
    }
}

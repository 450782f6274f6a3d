using System.Threading.RateLimiting;
using FluxCaption.Core.Translation.Limits;

namespace FluxCaption.Core.Translation.OpenAi;

/// <summary>
/// The per-engine request limits: at most <see cref="MaxParallelRequests"/> requests in flight, and when
/// a rate is set, request starts spaced evenly so that no more than that many begin in any minute.
/// One instance belongs to one engine and is shared by every job the process runs. With a
/// <see cref="IEngineClusterGate"/> (the Worker has one in Redis) both limits hold across every Worker
/// process as well; while the gate's store is unreachable they hold per process.
/// </summary>
public sealed class EngineRequestLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TokenBucketRateLimiter? _rate;
    private readonly string _engine;
    private readonly IEngineClusterGate? _cluster;

    /// <param name="maxParallelRequests">At least 1.</param>
    /// <param name="requestsPerMinute">0 for no rate limit.</param>
    /// <param name="engine">The engine's name: the key its limits are shared under.</param>
    /// <param name="cluster">Shares the limits with other processes; null keeps them to this process.</param>
    public EngineRequestLimiter(int maxParallelRequests, int requestsPerMinute, string engine = "engine", IEngineClusterGate? cluster = null)
    {
        _engine = engine;
        _cluster = cluster;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelRequests, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerMinute);
        MaxParallelRequests = maxParallelRequests;
        RequestsPerMinute = requestsPerMinute;
        _slots = new SemaphoreSlim(maxParallelRequests, maxParallelRequests);
        if (requestsPerMinute > 0)
        {
            // A bucket of one token spaces starts evenly: a burst of a minute's worth at once is exactly
            // what gets hosted APIs to answer 429 or ban a key.
            _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / requestsPerMinute,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public int MaxParallelRequests { get; }

    public int RequestsPerMinute { get; }

    /// <summary>Waits for a free slot and, when limited, for the next start time; dispose the result when the request is over.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // The process's own slot comes first, so one Worker's batches queue here rather than polling the shared store.
            var shared = _cluster is null ? null : await _cluster.EnterAsync(_engine, MaxParallelRequests, Spacing, cancellationToken);
            if (shared is null && _rate is not null)
            {
                using var lease = await _rate.AcquireAsync(1, cancellationToken);
                if (!lease.IsAcquired)
                {
                    throw new InvalidOperationException("The engine's request rate limiter refused a request although its queue is unbounded.");
                }
            }

            return new Slot(_slots, shared);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private TimeSpan Spacing => RequestsPerMinute > 0 ? TimeSpan.FromMinutes(1) / RequestsPerMinute : TimeSpan.Zero;

    public void Dispose()
    {
        _rate?.Dispose();
        _slots.Dispose();
    }

    private sealed class Slot(SemaphoreSlim slots, IDisposable? shared) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                shared?.Dispose();
                slots.Release();
            }
        }
    }
}

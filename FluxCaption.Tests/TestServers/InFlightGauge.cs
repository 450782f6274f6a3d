namespace FluxCaption.Tests.TestServers;

/// <summary>
/// Counts requests being answered and remembers the most at one moment, so a test can check a
/// concurrency limit without measuring time (timings move with the machine's load; this does not).
/// </summary>
public sealed class InFlightGauge
{
    private int _current;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    /// <summary>Counts one request in; returns how many are in flight with it.</summary>
    public int Enter()
    {
        var now = Interlocked.Increment(ref _current);
        var seen = Volatile.Read(ref _max);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _max, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        return now;
    }

    public void Leave() => Interlocked.Decrement(ref _current);
}

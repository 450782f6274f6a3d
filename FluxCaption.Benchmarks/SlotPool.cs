namespace FluxCaption.Benchmarks;

/// <summary>
/// N generation slots, like OLLAMA_NUM_PARALLEL: a request holds a slot for its modelled duration
/// (scaled by the time factor); requests beyond N wait in arrival order. Busy time is measured as
/// actually held, so timer overshoot counts against nobody's utilisation figure.
/// </summary>
public sealed class SlotPool : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private long _busyTicks;

    public SlotPool(int slots, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
        _time = time ?? TimeProvider.System;
    }

    public int Slots { get; }

    /// <summary>Sum over all requests of the wall time they held a slot.</summary>
    public TimeSpan Busy => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    /// <summary>Waits for a free slot, holds it for <paramref name="hold"/>, then frees it.</summary>
    public async Task RunAsync(TimeSpan hold, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var started = _time.GetTimestamp();
        try
        {
            await Task.Delay(hold, _time, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _busyTicks, _time.GetElapsedTime(started).Ticks);
            _slots.Release();
        }
    }

    public void ResetBusy() => Interlocked.Exchange(ref _busyTicks, 0);

    public void Dispose() => _slots.Dispose();
}

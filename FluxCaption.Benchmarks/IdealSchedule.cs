namespace FluxCaption.Benchmarks;

/// <summary>
/// Replays the requests a run made (their modelled durations, in arrival order) on N slots as if the
/// client spent no time between a reply and its next request: each request takes the slot that frees
/// first. That is what the run would have taken on a machine with no other load, in model time, and
/// it does not move with the benchmark host's CPU contention the way a scaled-down wall clock does.
/// A client that keeps fewer requests in flight than there are slots only ever uses that many.
/// </summary>
public static class IdealSchedule
{
    public static IdealScheduleResult Replay(IReadOnlyList<TimeSpan> durations, int slots, int? inFlight = null)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var lanes = Math.Clamp(inFlight ?? slots, 1, slots);
        var freeAt = new PriorityQueue<int, TimeSpan>();
        for (var slot = 0; slot < lanes; slot++)
        {
            freeAt.Enqueue(slot, TimeSpan.Zero);
        }

        var busy = TimeSpan.Zero;
        var makespan = TimeSpan.Zero;
        foreach (var duration in durations)
        {
            freeAt.TryDequeue(out var slot, out var start);
            var end = start + duration;
            freeAt.Enqueue(slot, end);
            busy += duration;
            makespan = end > makespan ? end : makespan;
        }

        return new IdealScheduleResult(makespan, busy, slots);
    }
}

/// <summary>The replayed run: when the last request ended and how much of the slot time was used.</summary>
public sealed record IdealScheduleResult(TimeSpan Wall, TimeSpan Busy, int Slots)
{
    public double SlotUtilisation => Wall > TimeSpan.Zero ? Busy / (Wall * Slots) : 0;
}

namespace FluxCaption.Core.Jobs;

/// <summary>When the reaper last ran (its previous scheduled firing) and how often it runs.</summary>
public sealed record ReaperSchedule(DateTimeOffset PreviousRunAt, TimeSpan Interval)
{
    /// <summary>
    /// True when at least one run was missed: the scheduler fires the reaper from its database, so a gap this long
    /// means it could not reach it (or no scheduler was running). The slack, half an interval but at least 5 s,
    /// keeps a run that is merely late on a busy machine from counting.
    /// </summary>
    public bool RunsWereMissed(DateTimeOffset now) =>
        now - PreviousRunAt > Interval + (Interval / 2 > TimeSpan.FromSeconds(5) ? Interval / 2 : TimeSpan.FromSeconds(5));
}

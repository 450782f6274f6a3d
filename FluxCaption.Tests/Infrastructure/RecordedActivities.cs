using System.Collections.Concurrent;
using System.Diagnostics;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// Every span of the chosen sources that ends while alive, all sampled, the way an exporter would
/// receive them. Sources are process-wide and tests run in parallel, so assertions pick spans by
/// something the test owns (a job id, a trace id).
/// </summary>
public sealed class RecordedActivities : IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public RecordedActivities(Func<ActivitySource, bool> listenTo)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = listenTo,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<Activity> Stopped => _stopped;

    /// <summary>Whether <paramref name="ancestor"/> is on the parent chain of <paramref name="activity"/> among the recorded spans.</summary>
    public bool DescendsFrom(Activity activity, Activity ancestor)
    {
        var bySpan = _stopped.GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var current = activity; current is not null; current = bySpan.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _listener.Dispose();
}

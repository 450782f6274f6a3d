using System.Collections.Concurrent;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Web.Services;

namespace FluxCaption.Web.Components.Rules;

/// <summary>
/// Keeps the rules page's "last run" true without a timer. A rule's status follows its jobs, so every
/// job that is created or ends re-reads the rules, at most once a second however many jobs move at once.
/// A "run now" is the exception: a run that finds nothing missing creates no job and so raises no event,
/// and the rule run itself has no event of its own; for that one rule, until its run is recorded (at
/// most a few minutes), the rule is re-read with a growing pause.
/// </summary>
public sealed class RuleRunFollower(FluxCaptionApiClient api, Func<Task> reload, CancellationToken stop)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(15);

    private static readonly HashSet<string> RunMoves =
    [
        JobEventTypes.Created, JobEventTypes.Succeeded, JobEventTypes.Failed, JobEventTypes.Cancelled,
        JobEventTypes.Retried, JobEventTypes.Requeued, JobEventTypes.DeadLettered,
    ];

    // Rule id -> its last run when "run now" was pressed.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset?> _requested = new();
    private int _reloadPending;

    /// <summary>Rules whose requested run has not been recorded yet.</summary>
    public IReadOnlySet<Guid> Requested => _requested.Keys.ToHashSet();

    public Task OnJobChangeAsync(JobChange change)
    {
        if (RunMoves.Contains(change.Type) && Interlocked.Exchange(ref _reloadPending, 1) == 0)
        {
            _ = ReloadSoonAsync();
        }

        return Task.CompletedTask;
    }

    /// <summary>Forgets requested runs the freshly read rules show recorded (or that were deleted).</summary>
    public void Seen(IReadOnlyList<RuleView> rules)
    {
        foreach (var (id, before) in _requested)
        {
            if (rules.FirstOrDefault(rule => rule.Id == id) is not { } rule || rule.LastRunAt != before)
            {
                _requested.TryRemove(id, out _);
            }
        }
    }

    public void RunRequested(RuleView rule)
    {
        if (_requested.TryAdd(rule.Id, rule.LastRunAt))
        {
            _ = WaitForRecordAsync(rule.Id, rule.LastRunAt);
        }
    }

    private async Task ReloadSoonAsync()
    {
        try
        {
            await Task.Delay(Debounce, stop);
            Volatile.Write(ref _reloadPending, 0);
            await reload();
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task WaitForRecordAsync(Guid id, DateTimeOffset? before)
    {
        var pause = TimeSpan.FromSeconds(1);
        var deadline = DateTimeOffset.UtcNow + LongestWait;
        try
        {
            while (_requested.ContainsKey(id) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(pause, stop);
                pause = pause * 2 > LongestPause ? LongestPause : pause * 2;
                try
                {
                    if ((await api.GetRuleAsync(id, stop)).LastRunAt != before)
                    {
                        break;
                    }
                }
                catch (ApiProblemException ex) when (ex.StatusCode == StatusCodes.Status404NotFound)
                {
                    break;
                }
                catch (Exception ex) when (ex is ApiProblemException or HttpRequestException)
                {
                    // Asked again after the next pause.
                }
            }

            // Past the deadline the row stops saying "requested": the stored state is all there is to show.
            _requested.TryRemove(id, out _);
            await reload();
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }
}

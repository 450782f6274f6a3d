using FluxCaption.Contracts.Jobs;
using FluxCaption.Web.Services;

namespace FluxCaption.Web.Components.Items;

/// <summary>
/// The latest live state of the jobs a page shows, laid over the rows it last read from the Api, so
/// that progress moves with every event without reading anything again. Reading a row anew makes
/// its jobs' live state redundant (the Api's answer is as new or newer), so the page forgets them.
/// </summary>
public sealed class LiveJobStates
{
    private readonly Dictionary<Guid, JobEventSnapshot> _latest = [];

    public void Remember(JobEventSnapshot job) => _latest[job.Id] = job;

    public void Forget(IEnumerable<Guid> jobIds)
    {
        foreach (var id in jobIds)
        {
            _latest.Remove(id);
        }
    }

    public void Clear() => _latest.Clear();

    public JobView Apply(JobView job) => _latest.TryGetValue(job.Id, out var live)
        ? job with { Status = live.Status, Stage = live.Stage, Progress = live.Progress }
        : job;

    /// <summary>True when the change ends the job: its item's subtitles and coverage may have changed.</summary>
    public static bool Ends(JobChange change) => !change.IsProgress && change.Job.Status is "succeeded" or "failed" or "cancelled";
}

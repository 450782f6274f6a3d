using FluxCaption.Contracts.Dashboard;
using FluxCaption.Contracts.Jobs;

namespace FluxCaption.Web.Components.Dashboard;

/// <summary>A running job on the dashboard; live progress events move it between two reads of the figures.</summary>
public sealed class LiveRunningJob(DashboardRunningJob job)
{
    public Guid Id { get; } = job.Id;

    public string? Subject { get; } = job.Subject;

    public string TargetLanguage { get; } = job.TargetLanguage;

    public string Stage { get; private set; } = job.Stage;

    public double Progress { get; private set; } = job.Progress;

    public void Apply(JobEventSnapshot snapshot)
    {
        Stage = snapshot.Stage;
        Progress = Math.Clamp(snapshot.Progress, 0, 1);
    }
}

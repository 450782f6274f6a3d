using System.Collections.Concurrent;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>Stands in for the gap planner: records each request and answers with <see cref="Answer"/>.</summary>
public sealed class RecordingGapJobPlanner : IGapJobPlanner
{
    public ConcurrentQueue<GapPlanRequest> Requests { get; } = new();

    public Func<GapPlanRequest, GapPlanResult> Answer { get; set; } = _ => new GapPlanResult(0, 0, 0, []);

    public Task<GapPlanResult> PlanAsync(GapPlanRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(Answer(request));
    }
}

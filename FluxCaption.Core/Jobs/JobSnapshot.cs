using System.Text.Json;
using FluxCaption.Contracts.Jobs;

namespace FluxCaption.Core.Jobs;

/// <summary>Builds the data every job event carries (<see cref="JobEventSnapshot"/>, shared with the Web app).</summary>
public static class JobSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JobEventSnapshot From(Job job, string? message = null) => new(
        job.Id,
        job.Status.ToString().ToLowerInvariant(),
        job.Stage.ToString().ToLowerInvariant(),
        job.Progress,
        job.ErrorCode,
        job.ErrorMessage,
        job.ResultDocumentId,
        job.Attempt,
        message);

    public static string ToJson(this JobEventSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);
}

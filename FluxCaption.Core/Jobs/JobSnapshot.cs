using System.Text.Json;

namespace FluxCaption.Core.Jobs;

/// <summary>The job fields a live view needs, as carried in every event's data.</summary>
public sealed record JobSnapshot(
    Guid Id,
    string Status,
    string Stage,
    double Progress,
    string? ErrorCode,
    string? ErrorMessage,
    Guid? ResultDocumentId,
    int Attempt,
    string? Message)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JobSnapshot From(Job job, string? message = null) => new(
        job.Id,
        job.Status.ToString().ToLowerInvariant(),
        job.Stage.ToString().ToLowerInvariant(),
        job.Progress,
        job.ErrorCode,
        job.ErrorMessage,
        job.ResultDocumentId,
        job.Attempt,
        message);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

using System.Net.ServerSentEvents;
using System.Text.Json;
using FluxCaption.Contracts.Jobs;

namespace FluxCaption.Web.Services;

/// <summary>One live event of a job: what happened (`job.progress`, `job.succeeded`, ...) and the job as of then.</summary>
public sealed record JobChange(string Type, JobEventSnapshot Job)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsProgress => Type == JobEventTypes.Progress;

    /// <summary>The change an SSE item carries, or null for one without a job (a heartbeat, an unreadable event).</summary>
    public static JobChange? From(SseItem<string> item)
    {
        try
        {
            using var document = JsonDocument.Parse(item.Data);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var job = data.Deserialize<JobEventSnapshot>(Json);
            return job is null || job.Id == Guid.Empty ? null : new JobChange(item.EventType, job);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using FluxCaption.Core.Jobs;

namespace FluxCaption.Api.Apis;

/// <summary>The data of one SSE event: which job, what happened, and the event's own details.</summary>
public sealed record JobEventEnvelope(Guid? JobId, string Type, DateTimeOffset Timestamp, JsonElement Data)
{
    public static JobEventEnvelope Heartbeat => new(null, "heartbeat", DateTimeOffset.UtcNow, default);

    public static JobEventEnvelope From(JobEventMessage message)
    {
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(message.Data) ? "{}" : message.Data);
            data = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            data = JsonSerializer.SerializeToElement(message.Data);
        }

        return new JobEventEnvelope(message.JobId, message.Type, message.Timestamp, data);
    }
}

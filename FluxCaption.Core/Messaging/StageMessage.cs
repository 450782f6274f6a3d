using System.Globalization;
using FluxCaption.Core.Jobs;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>"Run this stage of this job": what a stage stream entry carries.</summary>
/// <param name="EntryId">The stream entry id once read (empty before XADD).</param>
public sealed record StageMessage(
    string MessageId,
    Guid JobId,
    JobStage Stage,
    int Attempt,
    string? TraceParent,
    DateTimeOffset CreatedAt,
    string EntryId = "")
{
    internal NameValueEntry[] ToEntries() =>
    [
        new("messageId", MessageId),
        new("jobId", JobId.ToString()),
        new("stage", RedisKeys.StageName(Stage)),
        new("attempt", Attempt.ToString(CultureInfo.InvariantCulture)),
        new("traceparent", TraceParent ?? ""),
        new("createdAt", CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Null when the entry is not a stage message (it is then dead-lettered as poison).</summary>
    internal static StageMessage? FromEntry(StreamEntry entry)
    {
        var values = entry.Values.ToDictionary(value => value.Name.ToString(), value => value.Value.ToString());
        if (!values.TryGetValue("jobId", out var jobId) || !Guid.TryParse(jobId, out var id)
            || !values.TryGetValue("stage", out var stage) || !Enum.TryParse<JobStage>(stage, true, out var parsedStage))
        {
            return null;
        }

        return new StageMessage(
            values.GetValueOrDefault("messageId") ?? entry.Id.ToString(),
            id,
            parsedStage,
            int.TryParse(values.GetValueOrDefault("attempt"), CultureInfo.InvariantCulture, out var attempt) ? attempt : 0,
            values.GetValueOrDefault("traceparent") is { Length: > 0 } trace ? trace : null,
            DateTimeOffset.TryParse(values.GetValueOrDefault("createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created)
                ? created
                : DateTimeOffset.UtcNow,
            entry.Id.ToString());
    }
}

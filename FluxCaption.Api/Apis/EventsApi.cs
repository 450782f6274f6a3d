using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Live job events as Server-Sent Events. Every event carries the id of its entry in the Redis
/// events stream, so a client that reconnects with Last-Event-ID gets exactly what it missed.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", AllEvents)
            .WithTags("Events").WithName("StreamEvents").WithSummary("Server-Sent Events for every job")
            .RequireAuthorization();
        app.MapGet("/api/jobs/{id:guid}/events", JobEventsAsync)
            .WithTags("Events").WithName("StreamJobEvents").WithSummary("Server-Sent Events for one job, starting with its current state")
            .RequireAuthorization();
        return app;
    }

    public static ServerSentEventsResult<JobEventEnvelope> AllEvents(
        HttpRequest request, IJobEventFeed feed, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(StreamAsync(feed, null, LastEventId(request), null, cancellationToken));

    public static async Task<Results<ServerSentEventsResult<JobEventEnvelope>, ProblemHttpResult>> JobEventsAsync(
        Guid id, HttpRequest request, IJobService jobs, IJobEventFeed feed, CancellationToken cancellationToken)
    {
        var lastEventId = LastEventId(request);
        SseItem<JobEventEnvelope>? snapshot = null;
        if (lastEventId is null)
        {
            // A new subscriber first learns where the job stands, then follows it from that point on.
            lastEventId = await feed.GetLatestIdAsync(cancellationToken);
            var job = await jobs.GetAsync(id, cancellationToken);
            if (job is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: $"There is no job {id}.");
            }

            var data = JsonSerializer.SerializeToElement(job.ToJobResponse(), ApiJson.Options);
            snapshot = new SseItem<JobEventEnvelope>(new JobEventEnvelope(id, "snapshot", DateTimeOffset.UtcNow, data), "snapshot")
            {
                EventId = lastEventId,
            };
        }

        return TypedResults.ServerSentEvents(StreamAsync(feed, id, lastEventId, snapshot, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JobEventEnvelope>> StreamAsync(
        IJobEventFeed feed,
        Guid? jobId,
        string? afterId,
        SseItem<JobEventEnvelope>? first,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (first is { } item)
        {
            yield return item;
        }

        afterId ??= await feed.GetLatestIdAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<JobEventMessage> batch;
            try
            {
                batch = await feed.ReadAsync(afterId, jobId, 100, IdleWait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (batch.Count == 0)
            {
                // A heartbeat without an id keeps proxies from closing an idle connection and leaves
                // the client's Last-Event-ID untouched.
                yield return new SseItem<JobEventEnvelope>(JobEventEnvelope.Heartbeat, "heartbeat");
                continue;
            }

            foreach (var message in batch)
            {
                afterId = message.Id;
                yield return new SseItem<JobEventEnvelope>(JobEventEnvelope.From(message), message.Type) { EventId = message.Id };
            }
        }
    }

    private static string? LastEventId(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        // EventSource cannot set headers on the first connection; a query parameter does the same job.
        var query = request.Query["lastEventId"].ToString();
        return string.IsNullOrWhiteSpace(query) ? null : query.Trim();
    }
}

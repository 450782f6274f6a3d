using System.Net.ServerSentEvents;
using System.Text.Json;

namespace FluxCaption.Tests.Api;

/// <summary>Reads Server-Sent Events the way a browser's EventSource does, for a bounded time.</summary>
public static class SseReader
{
    public sealed record Event(string? Id, string Type, JsonElement Data);

    /// <summary>Events (heartbeats left out) until <paramref name="enough"/> says stop or the time is up.</summary>
    public static async Task<List<Event>> ReadAsync(
        HttpClient client, string path, string? lastEventId, Func<List<Event>, bool> enough, TimeSpan timeout)
    {
        var events = new List<Event>();
        using var cts = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            response.EnsureSuccessStatusCode();
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
            await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cts.Token))
            {
                if (item.EventType == "heartbeat")
                {
                    continue;
                }

                using var document = JsonDocument.Parse(item.Data);
                events.Add(new Event(string.IsNullOrEmpty(item.EventId) ? null : item.EventId, item.EventType, document.RootElement.Clone()));
                if (enough(events))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Time is up: the caller asserts on what arrived.
        }

        return events;
    }
}

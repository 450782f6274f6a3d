using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace FluxCaption.Tests.Api.Models;

/// <summary>Posts a pull and reads its Server-Sent Events as a browser would, until the stream ends.</summary>
internal static class PullEvents
{
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, string model, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/models/ollama/pull") { Content = JsonContent.Create(new { model }) };
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static async Task<List<(string Type, JsonElement Data)>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        var events = new List<(string, JsonElement)>();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(item.Data);
            events.Add((item.EventType, document.RootElement.Clone()));
        }

        return events;
    }
}

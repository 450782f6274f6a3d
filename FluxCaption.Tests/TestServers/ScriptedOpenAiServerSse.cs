using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers;

/// <summary>Writes a chat completion as the server-sent events a streaming OpenAI client reads.</summary>
internal static class ScriptedOpenAiServerSse
{
    public static async Task WriteAsync(HttpContext context, string model, string content, string finishReason, bool withUsage, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await SendAsync(context, Chunk(id, created, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), cancellationToken);
        for (var offset = 0; offset < content.Length; offset += 16)
        {
            var piece = content.Substring(offset, Math.Min(16, content.Length - offset));
            await SendAsync(context, Chunk(id, created, model, new JsonObject { ["content"] = piece }, null), cancellationToken);
        }

        await SendAsync(context, Chunk(id, created, model, new JsonObject(), finishReason), cancellationToken);
        if (withUsage)
        {
            var usage = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(),
                ["usage"] = ScriptedOpenAiServer.Usage(content),
            };
            await SendAsync(context, usage.ToJsonString(), cancellationToken);
        }

        await SendAsync(context, "[DONE]", cancellationToken);
    }

    private static string Chunk(string id, long created, string model, JsonObject delta, string? finishReason) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    }.ToJsonString();

    private static async Task SendAsync(HttpContext context, string data, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"data: {data}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.TestServers;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI chat completions protocol as the OpenAI SDK uses
/// it: POST /v1/chat/completions (one JSON object, or SSE chunks and "data: [DONE]" when "stream": true)
/// and GET /v1/models. It "translates" exactly like <see cref="ScriptedOllamaServer"/>, misbehaves on
/// demand, and records every request with the number of chats in flight when it arrived.
/// <code>
/// await using var openAi = await ScriptedOpenAiServer.StartAsync();
/// openAi.Enqueue(OpenAiBehaviour.DropId, OpenAiBehaviour.TooManyRequests); // the next two chats, then DefaultBehaviour
/// configuration["OpenAi:BaseUrl"] = openAi.BaseUrl.ToString();
/// openAi.MaxChatsInFlight.ShouldBeLessThanOrEqualTo(2);
/// </code>
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    public const string ChatPath = "/v1/chat/completions";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OpenAiBehaviour> _script = new();
    private readonly ConcurrentQueue<RecordedOpenAiRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly InFlightGauge _chats = new();

    private ScriptedOpenAiServer(WebApplication app, string model)
    {
        _app = app;
        Model = model;
    }

    /// <summary>Base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What OpenAi:BaseUrl expects: the endpoint with /v1, e.g. http://127.0.0.1:41234/v1.</summary>
    public Uri BaseUrl => new(Endpoint, "v1");

    /// <summary>The one model /v1/models lists.</summary>
    public string Model { get; }

    /// <summary>Used for a chat when nothing is enqueued.</summary>
    public OpenAiBehaviour DefaultBehaviour { get; set; } = OpenAiBehaviour.Normal;

    /// <summary>Waited before answering each chat (applies to every behaviour).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The Retry-After a <see cref="OpenAiBehaviour.TooManyRequests"/> answer carries (whole seconds, rounded up).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedOpenAiRequest> Requests => [.. _requests];

    /// <summary>Only the POST /v1/chat/completions requests.</summary>
    public IReadOnlyList<RecordedOpenAiRequest> ChatRequests => [.. _requests.Where(r => r.Path == ChatPath)];

    /// <summary>The most chats this server was answering at the same moment.</summary>
    public int MaxChatsInFlight => _chats.Max;

    public static async Task<ScriptedOpenAiServer> StartAsync(string model = "qwen2.5-7b-instruct", CancellationToken cancellationToken = default)
    {
        var app = LoopbackServer.Create();
        var server = new ScriptedOpenAiServer(app, model);
        server.Map(app);
        server.Endpoint = await LoopbackServer.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>Behaviours for the next chats, one each, in order; afterwards <see cref="DefaultBehaviour"/> applies.</summary>
    public void Enqueue(params OpenAiBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _script.Enqueue(behaviour);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            var isChat = context.Request.Path == ChatPath;
            var behaviour = isChat ? (_script.TryDequeue(out var scripted) ? scripted : DefaultBehaviour) : (OpenAiBehaviour?)null;
            context.Items[typeof(OpenAiBehaviour)] = behaviour;
            var inFlight = 0;
            if (isChat)
            {
                inFlight = _chats.Enter();
            }

            _requests.Enqueue(new RecordedOpenAiRequest(
                context.Request.Method, context.Request.Path, body, behaviour, DateTimeOffset.UtcNow,
                context.Request.Headers.Authorization.FirstOrDefault(), inFlight));
            try
            {
                await next(context);
            }
            finally
            {
                if (isChat)
                {
                    _chats.Leave();
                }
            }
        });

        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = new[] { new { id = Model, @object = "model", created = 1_767_225_600L, owned_by = "scripted" } },
        }));
        app.MapPost(ChatPath, ChatAsync);
    }

    private async Task ChatAsync(HttpContext context)
    {
        var behaviour = (OpenAiBehaviour)context.Items[typeof(OpenAiBehaviour)]!;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Latency, aborted.Token);
            switch (behaviour)
            {
                case OpenAiBehaviour.Hang:
                    await Task.Delay(Timeout.Infinite, aborted.Token);
                    return;
                case OpenAiBehaviour.TooManyRequests:
                    context.Response.Headers.RetryAfter = Math.Ceiling(RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit reached for requests", "rate_limit_exceeded");
                    return;
                case OpenAiBehaviour.ServerError:
                    await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "The server had an error while processing your request.", "server_error");
                    return;
            }

            var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(aborted.Token))!;
            var model = (string?)request["model"] ?? Model;
            var content = ScriptedOllamaReplies.Content(AsOllamaChat(request), AsOllama(behaviour));
            var finishReason = behaviour == OpenAiBehaviour.TruncatedJson ? "length" : "stop";
            if (request["stream"]?.GetValue<bool>() ?? false)
            {
                var withUsage = request["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false;
                await ScriptedOpenAiServerSse.WriteAsync(context, model, content, finishReason, withUsage, aborted.Token);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(Completion(model, content, finishReason), aborted.Token);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nothing left to answer.
        }
    }

    private static JsonObject Completion(string model, string content, string finishReason) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = Usage(content),
    };

    internal static JsonObject Usage(string content)
    {
        var completion = Math.Max(1, content.Length / 4);
        return new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = completion, ["total_tokens"] = 120 + completion };
    }

    // The OpenAI SDK may send a message's content as a string or as an array of typed parts.
    private static JsonObject AsOllamaChat(JsonNode request)
    {
        var messages = new JsonArray();
        foreach (var message in request["messages"]?.AsArray() ?? [])
        {
            var content = message?["content"] switch
            {
                JsonValue value => value.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
                _ => "",
            };
            messages.Add(new JsonObject { ["role"] = (string?)message?["role"], ["content"] = content });
        }

        return new JsonObject { ["messages"] = messages };
    }

    private static OllamaBehaviour AsOllama(OpenAiBehaviour behaviour) => behaviour switch
    {
        OpenAiBehaviour.DropId => OllamaBehaviour.DropId,
        OpenAiBehaviour.DuplicateId => OllamaBehaviour.DuplicateId,
        OpenAiBehaviour.MergeLines => OllamaBehaviour.MergeLines,
        OpenAiBehaviour.ReturnSource => OllamaBehaviour.ReturnSource,
        OpenAiBehaviour.LosePlaceholder => OllamaBehaviour.LosePlaceholder,
        OpenAiBehaviour.ProseAndFences => OllamaBehaviour.ProseAndFences,
        OpenAiBehaviour.TruncatedJson => OllamaBehaviour.TruncatedJson,
        OpenAiBehaviour.ThinkBlock => OllamaBehaviour.ThinkBlock,
        _ => OllamaBehaviour.Normal,
    };

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, string code)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type = code, param = (string?)null, code } });
    }
}

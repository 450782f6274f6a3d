using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks;

/// <summary>
/// An HTTP server on 127.0.0.1 speaking Ollama's chat protocol (POST /api/chat, streamed or not) that
/// answers through <see cref="ScriptedModel"/> after holding one of N slots for the time the
/// <see cref="LatencyModel"/> gives, multiplied by the time scale. It counts requests and tokens.
/// </summary>
public sealed class LatencyOllamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LatencyModel _latency;
    private readonly double _timeScale;
    private long _requests;
    private long _promptTokens;
    private long _completionTokens;
    private long _recoveryRequests;
    private ConcurrentDictionary<string, byte> _asked = new(StringComparer.Ordinal);
    private ConcurrentQueue<TimeSpan> _durations = new();

    private LatencyOllamaServer(WebApplication app, LatencyModel latency, double timeScale, int slots)
    {
        _app = app;
        _latency = latency;
        _timeScale = timeScale;
        Slots = new SlotPool(slots);
    }

    public const string Model = "qwen2.5:7b-instruct";

    public Uri Endpoint { get; private set; } = null!;

    public SlotPool Slots { get; }

    public static async Task<LatencyOllamaServer> StartAsync(LatencyModel latency, double timeScale, int slots)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LatencyOllamaServer(app, latency, timeScale, slots);
        app.MapGet("/", () => "Ollama is running");
        app.MapGet("/api/version", () => Results.Json(new { version = "0.12.6" }));
        app.MapPost("/api/chat", server.ChatAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Counters since the last reset; busy time is wall time, the caller converts to model time.</summary>
    public ServerCounters TakeCounters()
    {
        var counters = new ServerCounters(
            Interlocked.Exchange(ref _requests, 0),
            Interlocked.Exchange(ref _promptTokens, 0),
            Interlocked.Exchange(ref _completionTokens, 0),
            Interlocked.Exchange(ref _recoveryRequests, 0),
            Slots.Busy,
            [.. Interlocked.Exchange(ref _durations, new ConcurrentQueue<TimeSpan>())]);
        Slots.ResetBusy();
        _asked = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        return counters;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Slots.Dispose();
    }

    private async Task ChatAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
            ?? throw new BadHttpRequestException("Empty chat request.");
        var messages = request["messages"]?.AsArray() ?? [];
        var system = string.Concat(messages.Where(m => (string?)m?["role"] == "system").Select(m => (string?)m?["content"]));
        var user = messages.LastOrDefault(m => (string?)m?["role"] == "user")?["content"]?.GetValue<string>() ?? "";
        var prompt = string.Concat(messages.Select(m => (string?)m?["content"]));

        // FluxCaption sends each distinct line of a file once when all goes well, so a request that
        // holds a line already asked in this run is recovery: a re-ask or a half of a refused batch.
        var repeated = false;
        foreach (var (_, text) in ScriptedModel.Segments(user) ?? [])
        {
            repeated |= !_asked.TryAdd(text, 0);
        }

        if (repeated)
        {
            Interlocked.Increment(ref _recoveryRequests);
        }

        var content = ScriptedModel.Reply(system, user);
        var promptTokens = LatencyModel.EstimateTokens(prompt);
        var completionTokens = LatencyModel.EstimateTokens(content);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
        var duration = _latency.Duration(promptTokens, completionTokens);
        _durations.Enqueue(duration);

        await Slots.RunAsync(duration * _timeScale, context.RequestAborted);

        var model = (string?)request["model"] ?? Model;
        var stream = request["stream"]?.GetValue<bool>() ?? true;
        var final = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = stream ? "" : content },
            ["done"] = true,
            ["done_reason"] = "stop",
            ["prompt_eval_count"] = promptTokens,
            ["eval_count"] = completionTokens,
        };

        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(final, context.RequestAborted);
            return;
        }

        // The whole generation was already paid for in the slot; one content chunk then the summary.
        context.Response.ContentType = "application/x-ndjson";
        var chunk = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = final["created_at"]!.GetValue<string>(),
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["done"] = false,
        };
        await context.Response.WriteAsync(chunk.ToJsonString() + "\n" + final.ToJsonString() + "\n", context.RequestAborted);
    }
}

/// <summary>
/// What the server saw during one benchmark run. <see cref="BusyWall"/> is slot time actually held
/// (scaled wall time); <see cref="Durations"/> are the modelled durations, in arrival order.
/// <see cref="RecoveryRequests"/> asked again for lines already asked in the same run.
/// </summary>
public sealed record ServerCounters(long Requests, long PromptTokens, long CompletionTokens, long RecoveryRequests, TimeSpan BusyWall, IReadOnlyList<TimeSpan> Durations);

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.TestServers;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking Ollama's wire protocol as OllamaSharp uses it:
/// POST /api/chat (NDJSON stream unless "stream": false), GET /api/tags, POST /api/pull (NDJSON progress),
/// DELETE /api/delete, GET /api/version, GET /.
/// It "translates" deterministically (see <see cref="OllamaBehaviour.Normal"/>) and misbehaves on demand.
/// <code>
/// await using var ollama = await ScriptedOllamaServer.StartAsync();
/// ollama.Enqueue(OllamaBehaviour.DropId, OllamaBehaviour.TooManyRequests); // the next two chats, then DefaultBehaviour
/// configuration["ConnectionStrings:llm"] = ollama.ConnectionString;
/// ollama.Requests.Count(r => r.Path == "/api/chat").ShouldBe(3);
/// </code>
/// </summary>
public sealed class ScriptedOllamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OllamaBehaviour> _script = new();
    private readonly ConcurrentQueue<RecordedOllamaRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly InFlightGauge _chats = new();
    private readonly ConcurrentDictionary<string, bool> _installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _omissions = new(StringComparer.Ordinal);

    private ScriptedOllamaServer(WebApplication app, string model)
    {
        _app = app;
        Model = model;
        _installed[model] = true;
    }

    /// <summary>Models that POST /api/pull can fetch (the registry behind this server); others fail as Ollama does.</summary>
    public ISet<string> PullableModels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waited between the progress lines of a pull, so a test can watch or cancel one midway.</summary>
    public TimeSpan PullStepDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The models /api/tags lists now: <see cref="Model"/>, those pulled, minus those deleted.</summary>
    public IReadOnlyCollection<string> InstalledModels => [.. _installed.Keys];

    /// <summary>Base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The model installed from the start (others arrive by pull) and the default of <see cref="ConnectionString"/>.</summary>
    public string Model { get; }

    /// <summary>"Endpoint=http://127.0.0.1:port;Model=..." as ConnectionStrings:llm expects it.</summary>
    public string ConnectionString => $"Endpoint={Endpoint.GetLeftPart(UriPartial.Authority)};Model={Model}";

    /// <summary>Used for a chat when nothing is enqueued.</summary>
    public OllamaBehaviour DefaultBehaviour { get; set; } = OllamaBehaviour.Normal;

    /// <summary>Waited before answering each chat (applies to every behaviour).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The Retry-After a <see cref="OllamaBehaviour.TooManyRequests"/> answer carries (whole seconds, rounded up).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedOllamaRequest> Requests => [.. _requests];

    /// <summary>Only the POST /api/chat requests.</summary>
    public IReadOnlyList<RecordedOllamaRequest> ChatRequests => [.. _requests.Where(r => r.Path == "/api/chat")];

    /// <summary>The most chats the server was answering at one moment: a concurrency check that does not depend on timing.</summary>
    public int MaxChatsInFlight => _chats.Max;

    public static async Task<ScriptedOllamaServer> StartAsync(string model = "qwen2.5:7b-instruct", CancellationToken cancellationToken = default)
    {
        var app = LoopbackServer.Create();
        var server = new ScriptedOllamaServer(app, model);
        server.Map(app);
        server.Endpoint = await LoopbackServer.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>
    /// The "model" answers a segment whose text is exactly <paramref name="segmentText"/> with that text,
    /// untranslated, the next <paramref name="times"/> times it is asked (every time when null), whatever
    /// the other segments of the request get: the short lines a real model tends to leave alone ("Ça va?").
    /// </summary>
    public void KeepUntranslated(string segmentText, int? times = null) => _refusals[segmentText] = times ?? int.MaxValue;

    /// <summary>
    /// The "model" leaves a segment whose text is exactly <paramref name="segmentText"/> out of its reply
    /// (its id missing, every other line under its own id) the next <paramref name="times"/> times it is
    /// asked (every time when null): a model skipping a short line ("Mm-hmm.").
    /// </summary>
    public void LeaveOut(string segmentText, int? times = null) => _omissions[segmentText] = times ?? int.MaxValue;

    /// <summary>Behaviours for the next chats, one each, in order; afterwards <see cref="DefaultBehaviour"/> applies.</summary>
    public void Enqueue(params OllamaBehaviour[] behaviours)
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
            var isChat = context.Request.Path == "/api/chat";
            var behaviour = isChat ? (_script.TryDequeue(out var scripted) ? scripted : DefaultBehaviour) : (OllamaBehaviour?)null;
            context.Items[typeof(OllamaBehaviour)] = behaviour;
            _requests.Enqueue(new RecordedOllamaRequest(context.Request.Method, context.Request.Path, body, behaviour, DateTimeOffset.UtcNow));
            if (!isChat)
            {
                await next(context);
                return;
            }

            _chats.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                _chats.Leave();
            }
        });

        app.MapGet("/", () => "Ollama is running");
        app.MapGet("/api/version", () => Results.Json(new { version = "0.12.6" }));
        app.MapGet("/api/tags", () => Results.Json(new
        {
            models = _installed.Keys.Order(StringComparer.Ordinal).Select(name => new
            {
                name,
                model = name,
                modified_at = "2026-01-01T00:00:00Z",
                size = 4_683_087_332L,
                digest = "845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
                details = new { format = "gguf", family = "qwen2", parameter_size = "7.6B", quantization_level = "Q4_K_M" },
            }).ToArray(),
        }));
        app.MapPost("/api/pull", PullAsync);
        app.MapDelete("/api/delete", DeleteAsync);
        app.MapPost("/api/chat", ChatAsync);
    }

    private async Task ChatAsync(HttpContext context)
    {
        var behaviour = (OllamaBehaviour)context.Items[typeof(OllamaBehaviour)]!;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Latency, aborted.Token);
            switch (behaviour)
            {
                case OllamaBehaviour.Hang:
                    await Task.Delay(Timeout.Infinite, aborted.Token);
                    return;
                case OllamaBehaviour.TooManyRequests:
                    context.Response.Headers.RetryAfter = Math.Ceiling(RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "server busy, please try again.  maximum pending requests exceeded");
                    return;
                case OllamaBehaviour.ServerError:
                    await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "llama runner process has terminated: exit status 2");
                    return;
            }

            var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(aborted.Token))!;
            var model = (string?)request["model"] ?? Model;
            var content = ScriptedOllamaReplies.Content(request, behaviour, text => Takes(_refusals, text), text => Takes(_omissions, text));
            var stream = request["stream"]?.GetValue<bool>() ?? true;
            if (stream)
            {
                await StreamAsync(context, model, content, aborted.Token);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(Final(model, content, content), aborted.Token);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nothing left to answer.
        }
    }

    // POST /api/pull streams JSON lines: "pulling manifest", per-layer progress with digest/total/completed,
    // "verifying sha256 digest", "writing manifest", "success"; an unknown model ends in an {"error"} line.
    private async Task PullAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
        var model = (string?)request["model"] ?? (string?)request["name"] ?? "";
        context.Response.ContentType = "application/x-ndjson";
        async Task Line(object value)
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(value) + "\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await Line(new { status = "pulling manifest" });
        if (!PullableModels.Contains(model) && !_installed.ContainsKey(model))
        {
            await Line(new { error = "pull model manifest: file does not exist" });
            return;
        }

        const long total = 40_000_000;
        const string digest = "sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa";
        for (long completed = 0; completed <= total; completed += total / 20)
        {
            await Line(new { status = $"pulling {digest[7..19]}", digest, total, completed });
            await Task.Delay(PullStepDelay, context.RequestAborted);
        }

        await Line(new { status = "verifying sha256 digest" });
        await Line(new { status = "writing manifest" });
        _installed[model] = true;
        await Line(new { status = "success" });
    }

    // DELETE /api/delete {"model"}: 200 with no body, or 404 {"error": "model 'x' not found"}.
    private async Task DeleteAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
        var model = (string?)request["model"] ?? (string?)request["name"] ?? "";
        if (!_installed.TryRemove(model, out _))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"model '{model}' not found");
        }
    }

    private static bool Takes(ConcurrentDictionary<string, int> script, string segmentText)
    {
        while (script.TryGetValue(segmentText, out var left) && left > 0)
        {
            if (script.TryUpdate(segmentText, left == int.MaxValue ? left : left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task StreamAsync(HttpContext context, string model, string content, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/x-ndjson";
        for (var offset = 0; offset < content.Length; offset += 16)
        {
            var piece = content.Substring(offset, Math.Min(16, content.Length - offset));
            var chunk = new JsonObject
            {
                ["model"] = model,
                ["created_at"] = Now(),
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = piece },
                ["done"] = false,
            };
            await context.Response.WriteAsync(chunk.ToJsonString() + "\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        await context.Response.WriteAsync(Final(model, "", content).ToJsonString() + "\n", cancellationToken);
    }

    private static JsonObject Final(string model, string messageContent, string fullContent) => new()
    {
        ["model"] = model,
        ["created_at"] = Now(),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = messageContent },
        ["done"] = true,
        ["done_reason"] = "stop",
        ["total_duration"] = 1_250_000_000L,
        ["load_duration"] = 15_000_000L,
        ["prompt_eval_count"] = 120,
        ["prompt_eval_duration"] = 200_000_000L,
        ["eval_count"] = Math.Max(1, fullContent.Length / 4),
        ["eval_duration"] = 1_000_000_000L,
    };

    private static async Task WriteErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error });
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}

using System.Collections.Concurrent;
using FluxCaption.Tests.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>What the server does with one request.</summary>
internal enum ModelServerBehaviour
{
    Serve,

    /// <summary>Sends the headers for the whole answer, half of the bytes, then drops the connection.</summary>
    DropHalfway,

    NotFound,

    /// <summary>Answers 200 with the whole file whatever Range asked, as servers without range support do.</summary>
    IgnoreRange,

    ServerError,
}

/// <summary>
/// A real HTTP server on 127.0.0.1 serving model files by name as a static file server does: GET
/// /&lt;file&gt;, honouring "Range: bytes=N-" with 206 and Content-Range (416 past the end), misbehaving on demand.
/// </summary>
internal sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ModelServerBehaviour> _script = new();
    private readonly ConcurrentQueue<(string Path, string? Range)> _requests = new();

    private ScriptedModelServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? Range)> Requests => [.. _requests];

    /// <summary>Waited before the body starts, so concurrent clients overlap.</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<ScriptedModelServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new ScriptedModelServer(LoopbackServer.Create());
        server._app.MapGet("/models/{file}", server.HandleAsync);
        server.BaseAddress = new Uri(await LoopbackServer.StartAsync(server._app, cancellationToken), "models/");
        return server;
    }

    public void Add(string fileName, byte[] content) => _files[fileName] = content;

    public void Enqueue(params ModelServerBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _script.Enqueue(behaviour);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string file)
    {
        string? range = context.Request.Headers.Range;
        _requests.Enqueue((file, range));
        var behaviour = _script.TryDequeue(out var next) ? next : ModelServerBehaviour.Serve;
        if (behaviour == ModelServerBehaviour.ServerError)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (behaviour == ModelServerBehaviour.NotFound || !_files.TryGetValue(file, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var offset = 0L;
        if (behaviour != ModelServerBehaviour.IgnoreRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            offset = long.Parse(range["bytes=".Length..^1]);
            if (offset >= content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {offset}-{content.Length - 1}/{content.Length}";
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length - offset;
        await Task.Delay(Latency, context.RequestAborted);
        if (behaviour == ModelServerBehaviour.DropHalfway)
        {
            var half = (int)(content.Length - offset) / 2;
            await context.Response.Body.WriteAsync(content.AsMemory((int)offset, half), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(content.AsMemory((int)offset), context.RequestAborted);
    }
}

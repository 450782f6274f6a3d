using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves as ../shared/reference/jellyfin-api.md describes Jellyfin
/// 12.0, quirks included: legacy auth refused with 401, <c>/Items/{id}</c> 400 without a user, stream
/// indexes renumbered (external subtitles first) after every upload or delete, uploads answered 204
/// before the stream is visible, <c>.0.</c>/<c>.1.</c> names when the file exists, a <c>Date</c> header
/// from its own clock. It serves real generated videos and synthetic libraries, misbehaves on demand
/// and records every request.
/// <code>
/// await using var jellyfin = await ScriptedJellyfinServer.StartAsync();
/// var movies = jellyfin.AddLibrary("Movies", moviesFolder);
/// var item = await jellyfin.AddVideoAsync(movies, videoPath);
/// jellyfin.Fail(JellyfinFault.ServerError, times: 2, method: "GET", pathStartsWith: "/Items");
/// </code>
/// </summary>
internal sealed partial class ScriptedJellyfinServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedJellyfinRequest> _requests = new();
    private readonly List<FaultRule> _faults = [];
    private readonly Lock _gate = new();
    private bool _stopped;

    private ScriptedJellyfinServer(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The administrator API key (no user behind it, as Jellyfin's API keys).</summary>
    public string ApiKey { get; } = "5f1c0a2b9d8e4f7a8b6c3d2e1f0a9b8c";

    /// <summary>A user's access token; an administrator only when <see cref="UserIsAdministrator"/> is set.</summary>
    public string UserToken { get; } = "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";

    public string UserId { get; } = "8a1f2e3d4c5b6a798877665544332211";

    public bool UserIsAdministrator { get; set; }

    public string ServerName { get; set; } = "Scripted Jellyfin";

    /// <summary>What <c>/System/Info/Public</c> reports; set it to an old one to test the version check.</summary>
    public string Version { get; set; } = "12.0.0";

    public string ServerId { get; } = "f2b6a1c4d3e54f6a8b7c9d0e1f2a3b4c";

    /// <summary>Added to the real clock: the server's <c>Date</c> header and saved dates run on its own time.</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>Between an upload's 204 and the new stream showing in the item (Jellyfin: 0.2-0.5 s).</summary>
    public TimeSpan UploadVisibilityDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>After <c>POST /Items/{id}/Refresh</c> before new sidecars show.</summary>
    public TimeSpan RefreshDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A delete refreshes synchronously before its 204 (Jellyfin: ~320 ms).</summary>
    public TimeSpan DeleteDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a <see cref="JellyfinFault.Slow"/> answer waits.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much of a body a <see cref="JellyfinFault.DropBody"/> or <see cref="JellyfinFault.StallBody"/> answer sends first.</summary>
    public long BodyFaultBytes { get; set; } = 16 * 1024;

    /// <summary>Piece size of a <see cref="JellyfinFault.TrickleBody"/> answer.</summary>
    public int TrickleChunkBytes { get; set; } = 8 * 1024;

    /// <summary>Pause between the pieces of a <see cref="JellyfinFault.TrickleBody"/> answer.</summary>
    public TimeSpan TrickleDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Jellyfin in a container: it sees <c>HostFolder</c> at <c>ReportedFolder</c>, and every path it reports (items,
    /// media sources, sidecars, library locations) is the container's. Null: paths are reported as they are here.
    /// </summary>
    public (string HostFolder, string ReportedFolder)? ContainerMount { get; set; }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedJellyfinRequest> Requests => [.. _requests];

    /// <summary>Runs before each request is handled: what another client does to the server meanwhile.</summary>
    public Action<HttpRequest>? BeforeHandling { get; set; }

    public DateTimeOffset Now => DateTimeOffset.UtcNow + ClockOffset;

    public static async Task<ScriptedJellyfinServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackServer.Create();
        var server = new ScriptedJellyfinServer(app);
        server.Map(app);
        server.Endpoint = await LoopbackServer.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests that match misbehave (method and path prefix are case-insensitive).</summary>
    public void Fail(JellyfinFault fault, int times = 1, string? method = null, string? pathStartsWith = null)
    {
        lock (_gate)
        {
            _faults.Add(new FaultRule(fault, method, pathStartsWith) { Remaining = times });
        }
    }

    public IReadOnlyList<RecordedJellyfinRequest> RequestsTo(string method, string pathPattern) =>
        [.. Requests.Where(r => r.Method == method && Regex.IsMatch(r.Path, "^" + pathPattern + "$", RegexOptions.IgnoreCase))];

    /// <summary>A path as this Jellyfin reports it (see <see cref="ContainerMount"/>).</summary>
    public string? Reported(string? path)
    {
        if (path is null || ContainerMount is not { } mount || !path.StartsWith(mount.HostFolder, StringComparison.Ordinal))
        {
            return path;
        }

        return mount.ReportedFolder.TrimEnd('/') + "/" + Path.GetRelativePath(mount.HostFolder, path).Replace('\\', '/');
    }

    /// <summary>Stops answering: the address then refuses connections, as an unreachable server does.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.Use(RecordAndMisbehaveAsync);
        app.Use(AuthenticateAsync);
        app.MapGet("/System/Info/Public", () => Json(SystemInfo(false)));
        app.MapGet("/System/Info", () => Json(SystemInfo(true)));
        app.MapGet("/Library/VirtualFolders", VirtualFolders).WithMetadata(AdminOnly.Instance);
        app.MapGet("/Items", GetItems);
        app.MapGet("/Items/{id}", GetItem);
        app.MapPost("/Items/{id}/Refresh", RefreshItem).WithMetadata(AdminOnly.Instance);
        app.MapGet("/Videos/{id}/stream", StreamVideo);
        app.MapGet("/Videos/{id}/{mediaSourceId}/Subtitles/{index:int}/Stream.{format}", DownloadSubtitleAsync).WithMetadata(Anonymous.Instance);
        app.MapPost("/Videos/{id}/Subtitles", UploadSubtitleAsync).WithMetadata(AdminOnly.Instance);
        app.MapDelete("/Videos/{id}/Subtitles/{index:int}", DeleteSubtitleAsync).WithMetadata(AdminOnly.Instance);
    }

    private async Task RecordAndMisbehaveAsync(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedJellyfinRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        context.Response.OnStarting(() =>
        {
            // Jellyfin's clock, not Kestrel's: the watermark must come from the server.
            context.Response.Headers.Date = Now.ToString("R", CultureInfo.InvariantCulture);
            recorded.StatusCode = context.Response.StatusCode;
            return Task.CompletedTask;
        });

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            BeforeHandling?.Invoke(context.Request);
            var fault = TakeFault(context.Request);
            switch (fault)
            {
                case JellyfinFault.ServerError:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsync("Error processing request.", aborted.Token);
                    return;
                case JellyfinFault.Hang:
                    await Task.Delay(Timeout.Infinite, aborted.Token);
                    return;
                case JellyfinFault.Slow:
                    await Task.Delay(SlowDelay, aborted.Token);
                    break;
                case JellyfinFault.DropBody or JellyfinFault.StallBody or JellyfinFault.TrickleBody:
                    context.Response.Body = new FaultyResponseBody(context, fault.Value, this, aborted.Token);
                    break;
            }

            await next();
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping.
        }
    }

    private JellyfinFault? TakeFault(HttpRequest request)
    {
        lock (_gate)
        {
            var rule = _faults.FirstOrDefault(f => f.Remaining > 0
                && (f.Method is null || string.Equals(f.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                && (f.PathStartsWith is null || (request.Path.Value ?? "").StartsWith(f.PathStartsWith, StringComparison.OrdinalIgnoreCase)));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Fault;
        }
    }

    private Dictionary<string, object?> SystemInfo(bool full)
    {
        var info = new Dictionary<string, object?>
        {
            ["LocalAddress"] = Endpoint.GetLeftPart(UriPartial.Authority),
            ["ServerName"] = ServerName,
            ["Version"] = Version,
            ["ProductName"] = "Jellyfin Server",
            ["OperatingSystem"] = "",
            ["Id"] = ServerId,
            ["StartupWizardCompleted"] = true,
        };
        if (full)
        {
            info["OperatingSystemDisplayName"] = "Linux";
            info["HasPendingRestart"] = false;
            info["IsShuttingDown"] = false;
        }

        return info;
    }

    private static IResult Json(object value) => Results.Json(value, JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = null };

    private sealed class FaultRule(JellyfinFault fault, string? method, string? pathStartsWith)
    {
        public JellyfinFault Fault { get; } = fault;

        public string? Method { get; } = method;

        public string? PathStartsWith { get; } = pathStartsWith;

        public int Remaining { get; set; }
    }
}

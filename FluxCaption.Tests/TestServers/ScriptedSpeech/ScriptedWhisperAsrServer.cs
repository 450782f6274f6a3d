using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking whisper-asr-webservice's API: POST /asr with its query
/// parameters (task, language, initial_prompt, encode, word_timestamps, output, vad_filter) and the
/// upload in multipart "audio_file", and POST /detect-language. Query and form errors are FastAPI's 422
/// {"detail": [...]}; an upload ffmpeg cannot decode is a bare 500; JSON comes as text/plain, as the
/// service streams it. encode=false uploads are read as raw 16 kHz 16-bit samples, as the service does.
/// It writes output=json and txt; vtt, srt and tsv pass validation but are not scripted (the engine never asks).
/// </summary>
public sealed class ScriptedWhisperAsrServer : IAsyncDisposable
{
    private static readonly string[] Outputs = ["txt", "vtt", "srt", "tsv", "json"];

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private ScriptedWhisperAsrServer(WebApplication app, WhisperAsrFlavour flavour)
    {
        _app = app;
        Flavour = flavour;
    }

    public Uri Endpoint { get; private set; } = null!;

    public WhisperAsrFlavour Flavour { get; }

    public TranscriptionScript Script { get; } = new();

    /// <summary>Only the POST /asr requests.</summary>
    public IReadOnlyList<RecordedTranscriptionRequest> AsrRequests => [.. Script.Requests.Where(r => r.Path == "/asr")];

    public static async Task<ScriptedWhisperAsrServer> StartAsync(WhisperAsrFlavour flavour = WhisperAsrFlavour.OpenAiWhisper, CancellationToken cancellationToken = default)
    {
        var app = LoopbackServer.Create();
        var server = new ScriptedWhisperAsrServer(app, flavour);
        app.MapPost("/asr", context => server.HandleAsync(context, detect: false));
        app.MapPost("/detect-language", context => server.HandleAsync(context, detect: true));
        server.Endpoint = await LoopbackServer.StartAsync(app, cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context, bool detect)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var request = await Script.RecordAsync(context, "audio_file", () => detect ? null : Script.Next(), aborted.Token);
            if (request.Behaviour is { } behaviour && await Script.TryFailAsync(context, behaviour, WriteFailureAsync(context), aborted.Token))
            {
                return;
            }

            await AnswerAsync(context, request, detect, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, RecordedTranscriptionRequest request, bool detect, CancellationToken cancellationToken)
    {
        var problems = new JsonArray();
        var encode = Flag(request, "encode", true, problems);
        var words = Flag(request, "word_timestamps", false, problems);
        Flag(request, "vad_filter", false, problems);
        var language = request.Query.GetValueOrDefault("language");
        var output = request.Query.GetValueOrDefault("output") ?? "txt";
        if (!detect)
        {
            Enum(request, "task", ["transcribe", "translate"], problems);
            Enum(request, "language", WhisperLanguageNames.Codes, problems);
            Enum(request, "output", Outputs, problems);
        }

        if (request.File is null)
        {
            problems.Add(new JsonObject { ["type"] = "missing", ["loc"] = new JsonArray("body", "audio_file"), ["msg"] = "Field required", ["input"] = null });
        }

        if (problems.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["detail"] = problems }, cancellationToken);
            return;
        }

        if (request.File!.Length > Script.MaxUploadBytes)
        {
            // The service sets no limit of its own; the proxy in front of it does.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>", cancellationToken);
            return;
        }

        // encode=true: ffmpeg decodes the upload (this server knows WAV only); encode=false: the bytes are the samples.
        var seconds = encode ? TranscriptionScript.WavSeconds(request.File, requireWhisperFormat: false) : request.File.Length / 32_000.0;
        if (seconds is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Internal Server Error", cancellationToken);
            return;
        }

        if (detect)
        {
            var code = Script.DetectedLanguage;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["detected_language"] = WhisperLanguageNames.Name(code), ["language_code"] = code, ["confidence"] = 0.97 }, cancellationToken);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers["Asr-Engine"] = Flavour == WhisperAsrFlavour.WhisperX ? "whisperx" : Flavour == WhisperAsrFlavour.OpenAiWhisper ? "openai_whisper" : "faster_whisper";
        var reply = output switch
        {
            "json" => ScriptedWhisperAsrReplies.Json(Flavour, Script, seconds.Value, language ?? Script.DetectedLanguage, words).ToJsonString(),
            "txt" => string.Concat(Script.UtterancesWithin(seconds.Value).Select(u => u.Text + "\n")),
            _ => throw new InvalidOperationException($"The scripted whisper-asr-webservice writes json and txt, not {output}."),
        };
        await context.Response.WriteAsync(reply, cancellationToken);
    }

    private static Func<int, string, Task> WriteFailureAsync(HttpContext context) => (status, message) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(status >= 500 ? $"{message}" : $"{{\"detail\":\"{message}\"}}");
    };

    // FastAPI's bool parsing: the words below, anything else is a 422.
    private static bool Flag(RecordedTranscriptionRequest request, string name, bool fallback, JsonArray problems)
    {
        if (!request.Query.TryGetValue(name, out var value))
        {
            return fallback;
        }

        switch (value.ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on" or "y" or "t":
                return true;
            case "false" or "0" or "no" or "off" or "n" or "f":
                return false;
            default:
                problems.Add(new JsonObject { ["type"] = "bool_parsing", ["loc"] = new JsonArray("query", name), ["msg"] = "Input should be a valid boolean, unable to interpret input", ["input"] = value });
                return fallback;
        }
    }

    private static void Enum(RecordedTranscriptionRequest request, string name, IEnumerable<string> allowed, JsonArray problems)
    {
        if (request.Query.TryGetValue(name, out var value) && !allowed.Contains(value))
        {
            problems.Add(new JsonObject { ["type"] = "enum", ["loc"] = new JsonArray("query", name), ["msg"] = $"Input should be one of the {name} values the service knows", ["input"] = value });
        }
    }
}

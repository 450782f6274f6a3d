using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking OpenAI's POST /v1/audio/transcriptions the way OpenAI,
/// speaches, whisper.cpp's server or LocalAI do (<see cref="OpenAiTranscriptionFlavour"/>): it reads the
/// multipart upload, checks the WAV and the fields as they do, and answers the test's script.
/// It writes response_format verbose_json, json and text; srt and vtt get a 400 (the engine never asks).
/// <code>
/// await using var server = await ScriptedOpenAiTranscriptionServer.StartAsync();
/// server.Script.Utterances = [new(0.2, 1.4, "Hello there.")];
/// server.Script.Enqueue(TranscriptionBehaviour.Unavailable);
/// configuration["Speech:OpenAi:Endpoint"] = server.Endpoint.ToString();
/// </code>
/// </summary>
public sealed class ScriptedOpenAiTranscriptionServer : IAsyncDisposable
{
    public const string OpenAiPath = "/v1/audio/transcriptions";
    public const string WhisperCppPath = "/inference";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private ScriptedOpenAiTranscriptionServer(WebApplication app, OpenAiTranscriptionFlavour flavour)
    {
        _app = app;
        Flavour = flavour;
    }

    /// <summary>Base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public OpenAiTranscriptionFlavour Flavour { get; }

    /// <summary>The transcription path: /inference for whisper.cpp, /v1/audio/transcriptions otherwise.</summary>
    public string Path => Flavour == OpenAiTranscriptionFlavour.WhisperCpp ? WhisperCppPath : OpenAiPath;

    /// <summary>When set, requests without "Authorization: Bearer {ApiKey}" get 401.</summary>
    public string? ApiKey { get; set; }

    public TranscriptionScript Script { get; } = new();

    public static async Task<ScriptedOpenAiTranscriptionServer> StartAsync(
        OpenAiTranscriptionFlavour flavour = OpenAiTranscriptionFlavour.OpenAi, CancellationToken cancellationToken = default)
    {
        var app = LoopbackServer.Create();
        var server = new ScriptedOpenAiTranscriptionServer(app, flavour);
        app.MapPost(server.Path, server.TranscribeAsync);
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

    private async Task TranscribeAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var authorized = ApiKey is null || context.Request.Headers.Authorization.ToString() == $"Bearer {ApiKey}";
            var request = await Script.RecordAsync(context, "file", () => authorized ? Script.Next() : null, aborted.Token);
            if (!authorized)
            {
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, $"Incorrect API key provided: {Masked(context.Request.Headers.Authorization.ToString())}.", null);
                return;
            }

            var behaviour = request.Behaviour!.Value;
            if (await Script.TryFailAsync(context, behaviour, (status, message) => WriteErrorAsync(context, status, message, null), aborted.Token))
            {
                return;
            }

            await AnswerAsync(context, request, behaviour, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, RecordedTranscriptionRequest request, TranscriptionBehaviour behaviour, CancellationToken cancellationToken)
    {
        var whisperCpp = Flavour == OpenAiTranscriptionFlavour.WhisperCpp;
        if (request.File is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, whisperCpp ? "no 'file' field in the request" : "Could not parse multipart form: the 'file' field is required.", "file");
            return;
        }

        if (request.File.Length > Script.MaxUploadBytes)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"Maximum content size limit ({Script.MaxUploadBytes}) exceeded ({request.File.Length} bytes read)", null);
            return;
        }

        if (!whisperCpp && string.IsNullOrWhiteSpace(request.Field("model")))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "you must provide a model parameter", "model");
            return;
        }

        // whisper.cpp reads only 16 kHz WAV without its --convert option; the others decode any format but this one only knows WAV.
        if (TranscriptionScript.WavSeconds(request.File, requireWhisperFormat: whisperCpp) is not { } seconds)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, whisperCpp ? "failed to read WAV file" : "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']", "file");
            return;
        }

        var language = request.Field("language");
        if (language is not null && !WhisperLanguageNames.Codes.Contains(language))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, whisperCpp ? "failed to process audio" : $"Language '{language}' is not supported.", "language");
            return;
        }

        var format = request.Field("response_format") ?? "json";
        if (behaviour == TranscriptionBehaviour.TextBody || format == "text")
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Script.FullText(seconds) + "\n", cancellationToken);
            return;
        }

        if (behaviour == TranscriptionBehaviour.PlainTextOnly || format == "json")
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["text"] = Script.FullText(seconds) }, cancellationToken);
            return;
        }

        if (format != "verbose_json")
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"response_format '{format}' is not one this scripted server writes.", "response_format");
            return;
        }

        var granularities = request.Fields.TryGetValue("timestamp_granularities[]", out var values) ? values : [];
        var reply = ScriptedOpenAiTranscriptionReplies.Verbose(Flavour, Script, seconds, language ?? Script.DetectedLanguage, granularities.Contains("word"));
        await context.Response.WriteAsJsonAsync(reply, cancellationToken);
    }

    private Task WriteErrorAsync(HttpContext context, int status, string message, string? param)
    {
        if (Flavour == OpenAiTranscriptionFlavour.WhisperCpp && status < 500 && status != StatusCodes.Status401Unauthorized)
        {
            // whisper.cpp's server answers its own refusals with 200 and {"error": "..."}.
            return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = message });
        }

        context.Response.StatusCode = status;
        var type = status >= 500 ? "server_error" : "invalid_request_error";
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = status == 401 ? "invalid_api_key" : null },
        });
    }

    // OpenAI echoes part of a wrong key; the engine must not pass that on.
    private static string Masked(string authorization)
    {
        var key = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : authorization;
        return key.Length <= 8 ? key : key[..4] + new string('*', key.Length - 8) + key[^4..];
    }
}

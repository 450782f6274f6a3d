using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluxCaption.Core.Speech.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.OpenAi;

/// <summary>
/// Transcribes a window with one POST {endpoint}/v1/audio/transcriptions (multipart: file, model,
/// language, prompt, response_format=verbose_json, timestamp_granularities[]=segment and word). Retries,
/// Retry-After and timeouts belong to the "speech-openai" HttpClient's pipeline. See docs/speech.md for
/// how speaches, whisper.cpp server and LocalAI differ from OpenAI and what is tolerated.
/// </summary>
public sealed partial class OpenAiTranscriptionEngine(
    IHttpClientFactory httpClientFactory,
    IOptions<OpenAiTranscriptionOptions> options,
    ILogger<OpenAiTranscriptionEngine> logger) : ISpeechRecognitionEngine
{
    /// <summary>The named HttpClient (resilience pipeline attached, no timeout of its own).</summary>
    public const string HttpClientName = "speech-openai";

    private readonly OpenAiTranscriptionOptions _options = options.Value;

    public string Name => SpeechEngineNames.OpenAi;

    public async Task<WindowTranscript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audio = await WavAudio.ReadAsync(request.WavPath, cancellationToken);
        var model = string.IsNullOrWhiteSpace(request.Model) ? _options.Model.Trim() : request.Model.Trim();
        var language = WhisperLanguages.ToRequestCode(request.Language);
        var target = new HttpSpeechTarget(Name, "The OpenAI-compatible transcription server", _options.TranscriptionUri,
            $"{OpenAiTranscriptionOptions.SectionName}:{nameof(OpenAiTranscriptionOptions.ApiKey)}",
            $"whisper.cpp's server answers on /inference: set {OpenAiTranscriptionOptions.SectionName}:{nameof(OpenAiTranscriptionOptions.InferencePath)}");

        return await HttpSpeechTelemetry.MeasureAsync(Name, model, audio.Duration, async () =>
        {
            using var form = Form(request, audio, model, language);
            using var message = new HttpRequestMessage(HttpMethod.Post, target.Uri) { Content = form };
            if (!string.IsNullOrWhiteSpace(_options.ApiKey))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey.Trim());
            }

            LogSending(target.Uri.GetLeftPart(UriPartial.Path), model, language ?? "auto", audio.Duration.TotalSeconds);
            var reply = await HttpSpeechCall.SendAsync(httpClientFactory.CreateClient(HttpClientName), message, target, cancellationToken);
            return Read(reply, request, audio, target);
        });
    }

    private MultipartFormDataContent Form(TranscriptionRequest request, WavAudio audio, string model, string? language)
    {
        var file = new ByteArrayContent(audio.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent
        {
            { file, "file", Path.GetFileName(request.WavPath) },
            { new StringContent(model), "model" },
            { new StringContent("verbose_json"), "response_format" },
        };
        if (language is not null)
        {
            form.Add(new StringContent(language), "language");
        }

        if (!string.IsNullOrWhiteSpace(request.Prompt))
        {
            form.Add(new StringContent(request.Prompt.Trim()), "prompt");
        }

        if (_options.WordTimestamps)
        {
            form.Add(new StringContent("segment"), "timestamp_granularities[]");
            form.Add(new StringContent("word"), "timestamp_granularities[]");
        }

        return form;
    }

    private static WindowTranscript Read(HttpSpeechReply reply, TranscriptionRequest request, WavAudio audio, HttpSpeechTarget target)
    {
        var requested = WhisperLanguages.ToCanonical(request.Language);
        var body = reply.Body.TrimStart();

        // A server that ignores response_format (or was told text) answers the bare transcript.
        if (reply.MediaType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !body.StartsWith('{'))
        {
            var text = body.Trim();
            IReadOnlyList<TranscribedSegment> single = text.Length == 0 ? [] : [new TranscribedSegment(TimeSpan.Zero, audio.Duration, text, [])];
            return new WindowTranscript(requested, single);
        }

        var root = HttpSpeechCall.ParseObject(reply.Body, target);

        // whisper.cpp's server reports failures as 200 with {"error": "..."}.
        if (root["error"] is not null)
        {
            throw HttpSpeechCall.Rejected(target, "an error in a 200 reply", HttpSpeechCall.ServerErrorText(reply.Body));
        }

        if (root["segments"] is null && root["text"] is null)
        {
            throw HttpSpeechCall.BadReply(reply.Body, target, null);
        }

        var detected = WhisperLanguages.ToCanonical(Text(root["language"]) ?? Text(root["detected_language"]));
        return new WindowTranscript(requested ?? detected, WhisperJsonTranscript.Segments(root, audio.Duration));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [LoggerMessage(LogLevel.Debug, "Sending an audio window of {Seconds} s to {Endpoint} (model {Model}, language {Language})")]
    private partial void LogSending(string endpoint, string model, string language, double seconds);
}

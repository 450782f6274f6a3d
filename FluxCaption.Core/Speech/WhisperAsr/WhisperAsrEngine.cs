using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluxCaption.Core.Speech.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.WhisperAsr;

/// <summary>
/// Transcribes a window with whisper-asr-webservice: POST {endpoint}/asr?task=transcribe&amp;output=json
/// with the audio as multipart "audio_file". Its JSON is the Whisper result (text, segments with words,
/// language code). When no language was given and the reply names none (older versions), one
/// POST /detect-language asks for it. Retries and timeouts belong to the "speech-whisper-asr" HttpClient.
/// </summary>
public sealed partial class WhisperAsrEngine(
    IHttpClientFactory httpClientFactory,
    IOptions<WhisperAsrOptions> options,
    ILogger<WhisperAsrEngine> logger) : ISpeechRecognitionEngine
{
    /// <summary>The named HttpClient (resilience pipeline attached, no timeout of its own).</summary>
    public const string HttpClientName = "speech-whisper-asr";

    private const string ServerName = "whisper-asr-webservice";

    private readonly WhisperAsrOptions _options = options.Value;

    public string Name => SpeechEngineNames.WhisperAsr;

    public async Task<WindowTranscript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audio = await WavAudio.ReadAsync(request.WavPath, cancellationToken);
        if (!_options.Encode && !audio.IsWhisperPcm)
        {
            throw new SpeechRecognitionException(HttpSpeechErrorCodes.BadAudio,
                $"{request.WavPath} is {audio.SampleRate} Hz, {audio.Channels} channel(s), {audio.BitsPerSample}-bit; with {WhisperAsrOptions.SectionName}:Encode=false the service reads only 16 kHz mono 16-bit samples.",
                false);
        }

        var language = WhisperLanguages.ToRequestCode(request.Language);
        if (!string.IsNullOrWhiteSpace(request.Model))
        {
            LogModelIgnored(request.Model);
        }

        return await HttpSpeechTelemetry.MeasureAsync(Name, model: null, audio.Duration, async () =>
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            var query = new Dictionary<string, string?>
            {
                ["task"] = "transcribe",
                ["output"] = "json",
                ["encode"] = Flag(_options.Encode),
                ["word_timestamps"] = Flag(_options.WordTimestamps),
            };
            if (language is not null)
            {
                query["language"] = language;
            }

            if (!string.IsNullOrWhiteSpace(request.Prompt))
            {
                query["initial_prompt"] = request.Prompt.Trim();
            }

            if (_options.VadFilter)
            {
                query["vad_filter"] = "true";
            }

            var asr = new HttpSpeechTarget(Name, ServerName, new Uri(QueryHelpers.AddQueryString(_options.AsrUri.AbsoluteUri, query)), KeySetting: null);
            LogSending(_options.AsrUri.AbsoluteUri, language ?? "auto", audio.Duration.TotalSeconds);
            var root = await PostAsync(client, asr, request, audio, cancellationToken);
            var segments = WhisperJsonTranscript.Segments(root, audio.Duration);
            var detected = request.Language is null ? WhisperLanguages.ToCanonical(Text(root["language"])) : null;
            if (request.Language is null && detected is null && segments.Count > 0)
            {
                detected = await DetectLanguageAsync(client, request, audio, cancellationToken);
            }

            return new WindowTranscript(WhisperLanguages.ToCanonical(request.Language) ?? detected, segments);
        });
    }

    private async Task<string?> DetectLanguageAsync(HttpClient client, TranscriptionRequest request, WavAudio audio, CancellationToken cancellationToken)
    {
        var uri = new Uri(QueryHelpers.AddQueryString(_options.DetectLanguageUri.AbsoluteUri, "encode", Flag(_options.Encode)));
        var target = new HttpSpeechTarget(Name, ServerName, uri, KeySetting: null);
        var root = await PostAsync(client, target, request, audio, cancellationToken);
        return WhisperLanguages.ToCanonical(Text(root["language_code"]) ?? Text(root["detected_language"]));
    }

    private async Task<JsonObject> PostAsync(HttpClient client, HttpSpeechTarget target, TranscriptionRequest request, WavAudio audio, CancellationToken cancellationToken)
    {
        // encode=false: the service reads the upload as raw int16 samples, so a WAV header would become a click of noise.
        HttpContent file = _options.Encode ? new ByteArrayContent(audio.Bytes) : new ReadOnlyMemoryContent(audio.Samples);
        file.Headers.ContentType = new MediaTypeHeaderValue(_options.Encode ? "audio/wav" : "application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "audio_file", Path.GetFileName(request.WavPath) } };
        using var message = new HttpRequestMessage(HttpMethod.Post, target.Uri) { Content = form };
        var reply = await HttpSpeechCall.SendAsync(client, message, target, cancellationToken);

        // The service streams its JSON as text/plain; the media type says nothing.
        return HttpSpeechCall.ParseObject(reply.Body, target);
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [LoggerMessage(LogLevel.Debug, "Sending an audio window of {Seconds} s to {Endpoint} (language {Language})")]
    private partial void LogSending(string endpoint, string language, double seconds);

    [LoggerMessage(LogLevel.Debug, "whisper-asr-webservice uses its own ASR_MODEL; the requested model {Model} is ignored")]
    private partial void LogModelIgnored(string model);
}

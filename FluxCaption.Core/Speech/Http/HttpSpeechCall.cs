using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// One request through an engine's named HttpClient (its resilience pipeline has already retried what
/// can be retried), and the mapping of whatever still failed to a <see cref="SpeechRecognitionException"/>:
/// unreachable, timed out, 5xx and 429 are transient; a refused key or a refused request is not, and its
/// message quotes the server's own error text (except for 401/403, whose text may echo the key).
/// </summary>
internal static class HttpSpeechCall
{
    private const int QuotedLength = 300;

    public static async Task<HttpSpeechReply> SendAsync(HttpClient client, HttpRequestMessage request, HttpSpeechTarget target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new HttpSpeechReply(body, response.Content.Headers.ContentType?.MediaType);
            }

            throw FromStatus(response.StatusCode, body, target);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException exception)
        {
            throw new SpeechRecognitionException(HttpSpeechErrorCodes.Timeout,
                $"{target.Describe()} did not answer within {exception.Timeout.TotalSeconds:0.#} s (Speech timeouts: AttemptTimeout, TotalTimeout).", true, exception);
        }
        catch (BrokenCircuitException exception)
        {
            throw new SpeechRecognitionException(HttpSpeechErrorCodes.Unreachable,
                $"{target.Describe()} failed too often lately; requests are paused for a moment.", true, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new SpeechRecognitionException(HttpSpeechErrorCodes.Unreachable,
                $"{target.Describe()} could not be reached or dropped the connection: {exception.Message}", true, exception);
        }
        catch (OperationCanceledException exception)
        {
            throw new SpeechRecognitionException(HttpSpeechErrorCodes.Timeout, $"{target.Describe()} did not answer in time.", true, exception);
        }
    }

    /// <summary>The reply as a JSON object, or a <see cref="HttpSpeechErrorCodes.BadReply"/> naming the server.</summary>
    public static JsonObject ParseObject(string body, HttpSpeechTarget target)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                return root;
            }
        }
        catch (JsonException exception)
        {
            throw BadReply(body, target, exception);
        }

        throw BadReply(body, target, null);
    }

    public static SpeechRecognitionException Rejected(HttpSpeechTarget target, string status, string serverText) =>
        new(HttpSpeechErrorCodes.Rejected, $"{target.Describe()} refused the audio window ({status}): {serverText}", false);

    public static SpeechRecognitionException BadReply(string body, HttpSpeechTarget target, Exception? inner) =>
        new(HttpSpeechErrorCodes.BadReply,
            $"{target.Describe()} sent a reply that is not the JSON transcript its protocol promises: \"{Quote(body)}\"", false, inner);

    private static SpeechRecognitionException FromStatus(HttpStatusCode status, string body, HttpSpeechTarget target)
    {
        var code = (int)status;
        var described = $"HTTP {code} {status}";
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var fix = target.KeySetting is null
                ? "the server, or a proxy in front of it, wants credentials FluxCaption does not send"
                : $"check {target.KeySetting}";
            return new SpeechRecognitionException(HttpSpeechErrorCodes.Unauthorized, $"{target.Describe()} refused the request ({described}): {fix}.", false);
        }

        var text = ServerErrorText(body);
        if (code >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            return new SpeechRecognitionException(HttpSpeechErrorCodes.EngineError, $"{target.Describe()} failed ({described}) after retries: {text}", true);
        }

        if (status == HttpStatusCode.NotFound && target.NotFoundHint is not null)
        {
            text = $"{text} ({target.NotFoundHint})";
        }

        return Rejected(target, described, text);
    }

    /// <summary>
    /// The message inside the error shapes these servers use: OpenAI's {"error": {"message"}}, whisper.cpp's
    /// {"error": "..."}, FastAPI's {"detail": "..."} or {"detail": [{"loc", "msg"}]}; otherwise the body itself.
    /// </summary>
    public static string ServerErrorText(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                var text = root["error"] switch
                {
                    JsonObject error => (string?)error["message"],
                    JsonValue value when value.TryGetValue<string>(out var message) => message,
                    _ => null,
                } ?? root["detail"] switch
                {
                    JsonValue value when value.TryGetValue<string>(out var message) => message,
                    JsonArray problems => string.Join("; ", problems.OfType<JsonObject>().Select(Problem)),
                    _ => null,
                } ?? (string?)root["message"];
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return Quote(text);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // Not JSON, or not the shape we know: the body itself is the best description.
        }

        return string.IsNullOrWhiteSpace(body) ? "(empty reply)" : Quote(body);
    }

    private static string Problem(JsonObject problem)
    {
        var location = problem["loc"] is JsonArray parts ? string.Join(".", parts.Select(p => p?.ToString())) : null;
        var message = (string?)problem["msg"] ?? problem.ToJsonString();
        return location is null ? message : $"{location}: {message}";
    }

    private static string Quote(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= QuotedLength ? flat : flat[..QuotedLength] + "...";
    }
}

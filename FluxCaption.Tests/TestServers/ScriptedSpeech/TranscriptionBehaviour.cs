namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>How a scripted transcription server answers one transcription request.</summary>
public enum TranscriptionBehaviour
{
    /// <summary>The script as the protocol's JSON transcript.</summary>
    Normal,

    /// <summary>HTTP 500 in the server's error shape.</summary>
    ServerError,

    /// <summary>HTTP 503 with a Retry-After of <see cref="TranscriptionScript.RetryAfter"/>.</summary>
    Unavailable,

    /// <summary>HTTP 429 with a Retry-After of <see cref="TranscriptionScript.RetryAfter"/>.</summary>
    TooManyRequests,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>Closes the connection without an answer.</summary>
    DropConnection,

    /// <summary>A 200 whose JSON is cut off halfway.</summary>
    MalformedJson,

    /// <summary>A 200 with only {"text": "..."} (what response_format=json gives): no segments, no times.</summary>
    PlainTextOnly,

    /// <summary>A 200 text/plain body with the bare transcript (what response_format=text gives).</summary>
    TextBody,
}

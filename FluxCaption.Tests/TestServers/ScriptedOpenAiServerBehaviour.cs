namespace FluxCaption.Tests.TestServers;

/// <summary>How <see cref="ScriptedOpenAiServer"/> answers one POST /v1/chat/completions (the same modes as <see cref="OllamaBehaviour"/>).</summary>
public enum OpenAiBehaviour
{
    /// <summary>Every segment id answered with "[tag] text" (tag from "Target language: Name (tag)" in the system prompt), ⟦n⟧ kept.</summary>
    Normal,

    /// <summary>The last id is left out.</summary>
    DropId,

    /// <summary>The first id appears twice in the JSON object.</summary>
    DuplicateId,

    /// <summary>The first two lines merged under the first id, every later line moved up one id, the last id missing.</summary>
    MergeLines,

    /// <summary>Each id answered with its source text, untranslated.</summary>
    ReturnSource,

    /// <summary>Every ⟦n⟧ placeholder removed from the answers.</summary>
    LosePlaceholder,

    /// <summary>The JSON wrapped in chatty prose and a ```json fence.</summary>
    ProseAndFences,

    /// <summary>The JSON cut off after about 60% of its characters, with finish_reason "length".</summary>
    TruncatedJson,

    /// <summary>A &lt;think&gt; block (holding a decoy JSON object) before the real JSON.</summary>
    ThinkBlock,

    /// <summary>HTTP 429 with a Retry-After header of <see cref="ScriptedOpenAiServer.RetryAfter"/>.</summary>
    TooManyRequests,

    /// <summary>HTTP 500 with an OpenAI-style {"error": {...}} body.</summary>
    ServerError,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,
}

namespace FluxCaption.Core.Jobs;

/// <summary>The error codes a failed job carries; the UI and API clients switch on them.</summary>
public static class JobErrorCodes
{
    public const string ParseError = "parse_error";
    public const string EngineError = "engine_error";
    public const string EngineUnavailable = "engine_unavailable";
    public const string UnsupportedFormat = "unsupported_format";
    public const string UnsupportedStage = "unsupported_stage";
    public const string SourceDocumentMissing = "source_document_missing";
    public const string DeadLettered = "dead_lettered";
    public const string AttemptsExhausted = "attempts_exhausted";
    public const string LeaseExpired = "lease_expired";
    public const string Internal = "internal_error";
    public const string MediaItemMissing = "media_item_missing";
    public const string ResultDocumentMissing = "result_document_missing";

    /// <summary>A library job ended without output: by the time it ran, a track not written by FluxCaption covered its language.</summary>
    public const string AlreadyCovered = "already_covered";
}

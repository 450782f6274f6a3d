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

    /// <summary>The database or Redis could not be reached; the job went back to the queue without using up an attempt.</summary>
    public const string DependencyUnavailable = "dependency_unavailable";
    public const string MediaItemMissing = "media_item_missing";
    public const string ResultDocumentMissing = "result_document_missing";

    /// <summary>A library item has no subtitle to translate and no audio to transcribe.</summary>
    public const string NoSource = "no_source";

    /// <summary>The worker cannot read the media file the asr stage needs (a Jellyfin path not mounted on the worker's host).</summary>
    public const string MediaNotReadable = "media_not_readable";

    /// <summary>The track chosen for speech recognition or OCR is no longer in the item.</summary>
    public const string TrackGone = "track_gone";

    /// <summary>A library job ended without output: by the time it ran, a track not written by FluxCaption covered its language.</summary>
    public const string AlreadyCovered = "already_covered";
}

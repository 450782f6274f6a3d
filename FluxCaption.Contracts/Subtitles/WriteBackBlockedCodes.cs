namespace FluxCaption.Contracts.Subtitles;

/// <summary>Why a subtitle version cannot be written back (<see cref="SubtitleDocumentView.WriteBackBlockedCode"/>).</summary>
public static class WriteBackBlockedCodes
{
    /// <summary>A source or transcript: only translations are written back.</summary>
    public const string NotATranslation = "not_translation";

    /// <summary>No job holds the translation any more (its job translated again since).</summary>
    public const string NoJob = "no_job";

    /// <summary>The translation of an uploaded file: there is nowhere to write it.</summary>
    public const string Upload = "upload";

    /// <summary>The job has not succeeded (it is running, failed or cancelled).</summary>
    public const string JobNotSucceeded = "job_not_succeeded";

    /// <summary>The media item is gone.</summary>
    public const string ItemMissing = "item_missing";

    /// <summary>A local folder whose write-back is off.</summary>
    public const string ReadOnlyLibrary = "read_only";

    public const string AlreadyWritten = "already_written";

    /// <summary>Older than what was written: saved again as a new version, it can be written.</summary>
    public const string OlderVersion = "older_version";
}
